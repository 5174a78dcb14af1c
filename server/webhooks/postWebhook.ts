import http from 'node:http';
import https from 'node:https';
import { guardedLookup, privateRefusal } from './guardedLookup.ts';
import { isPrivateAddress } from './isPrivateAddress.ts';

/** The most of a receiver's answer kept, in bytes. */
export const RESPONSE_BODY_LIMIT = 1024;
// Past this much the rest of the answer is not even read: the socket is dropped instead of reused.
const DRAIN_LIMIT = 64 * 1024;

/** What one POST to an endpoint came to. */
export interface PostResult {
  /** The receiver's status code; undefined when it never answered. */
  statusCode: number | undefined;
  /** The first {@link RESPONSE_BODY_LIMIT} bytes of its body (whole characters only). */
  body: string;
  /** Why there was no answer. */
  error: string | undefined;
  durationMs: number;
}

// Connections to receivers are kept open between deliveries; the lookup guard runs whenever one is opened.
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** Text of at most `limit` bytes of UTF-8, cut between characters; NULs dropped (Postgres text holds none). */
function keepStart(bytes: Buffer, limit: number): string {
  let text = bytes.subarray(0, limit).toString('utf8').replaceAll('\u0000', '');
  while (Buffer.byteLength(text) > limit) text = text.slice(0, -1);
  return text;
}

/**
 * POSTs one signed event. Never throws: every way it can go wrong comes back as `error`. Redirects are not
 * followed (a 3xx is the receiver's answer, and it is not a 2xx); the whole try, connecting included, is bounded
 * by `timeoutMs`.
 * @param allowPrivate - let the URL lead to loopback and private addresses
 * @param signal - aborts the try (the server is stopping)
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean; signal?: AbortSignal },
): Promise<PostResult> {
  const started = performance.now();
  const done = (statusCode: number | undefined, text: string, error: string | undefined): PostResult => ({
    statusCode,
    body: text,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(done(undefined, '', `not a URL: ${url}`));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.resolve(done(undefined, '', `not an http(s) URL: ${url}`));
  // An address written in the URL is never looked up, so the lookup guard would not see it.
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!options.allowPrivate && isPrivateAddress(host)) return Promise.resolve(done(undefined, '', privateRefusal(host, host)));
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const secure = target.protocol === 'https:';
    let req: http.ClientRequest | undefined;
    const fail = (error: string) => {
      finish(done(undefined, '', error));
      req?.destroy();
    };
    const timer = setTimeout(() => fail(`timed out after ${options.timeoutMs} ms`), options.timeoutMs);
    const onAbort = () => fail('stopped: the server is shutting down');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const send = (again: boolean) => {
      const r = (secure ? https : http).request(target, {
        method: 'POST',
        agent: secure ? agents['https:'] : agents['http:'],
        lookup: options.allowPrivate ? undefined : guardedLookup,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'tinychat-webhooks/1' },
      });
      req = r;
      r.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive connection the receiver closed while it lay idle fails the next request on it before
        // anything was read; that is not the receiver's answer, so send once more on a new connection.
        if (!again && r.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE') && !settled) return send(true);
        fail(err.message || String(err));
      });
      r.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = () => finish(done(res.statusCode, keepStart(Buffer.concat(chunks), RESPONSE_BODY_LIMIT), undefined));
        res.on('data', (chunk: Buffer) => {
          if (size < RESPONSE_BODY_LIMIT) chunks.push(chunk);
          size += chunk.length;
          if (size > DRAIN_LIMIT) {
            answer();
            res.destroy();
          }
        });
        res.on('end', answer);
        // The status line came; a body cut short afterwards does not change what the receiver answered.
        res.on('error', answer);
        res.on('aborted', answer);
      });
      r.end(body);
    };
    send(false);
  });
}
