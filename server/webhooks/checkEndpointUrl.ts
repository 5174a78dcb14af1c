import { lookup } from 'node:dns/promises';
import { privateRefusal } from './guardedLookup.ts';
import { isPrivateAddress } from './isPrivateAddress.ts';
import { WebhookConfigError } from './WebhookConfigError.ts';

/**
 * Refuses an endpoint URL that is not http(s), or that leads to a private address unless those are allowed.
 * A name that cannot be resolved now is let through: each try checks again when it connects.
 * @param name - what the URL is called in the message, e.g. `TINYCHAT_WEBHOOK_URL`
 */
export async function checkEndpointUrl(raw: string, allowPrivate: boolean, name: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookConfigError(`${name} must be an http(s) URL; "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookConfigError(`${name} must be an http(s) URL, not ${url.protocol}`);
  }
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isPrivateAddress(host)
    ? [host]
    : await lookup(host, { all: true }).then(
        (a) => a.map((x) => x.address),
        () => [],
      );
  const bad = addresses.find(isPrivateAddress);
  if (bad !== undefined) throw new WebhookConfigError(`${name}: ${privateRefusal(host, bad)}`);
  return url;
}
