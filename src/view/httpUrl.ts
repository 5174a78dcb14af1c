/**
 * The normalised URL if `raw` is an absolute http(s) URL, else `null`.
 * Narrower than the agent's `safeUrl` (which also allows mailto:): a message body or an image source only
 * ever links to the web. What the URL parser understood is what gets used, so
 * `JaVaScRiPt:`, tabs or control characters in the scheme cannot slip through.
 *
 * @param raw - an untrusted URL from a message body or `media_url`
 */
export function httpUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
