import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** Text worth compressing: scripts, styles, pages, JSON, SVG, source maps. */
const compressible = /^(?:text\/|application\/(?:javascript|json|manifest\+json|xml)|image\/svg\+xml)/;

/** Which encoding the client takes, brotli first (a fifth smaller on the widget's chunks than gzip). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const takes = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (takes('br')) return 'br';
  if (takes('gzip')) return 'gzip';
  return null;
}

/**
 * Compresses the files the server answers (the built widget, the demo pages) with brotli or gzip, as the client's
 * `Accept-Encoding` allows, so the bytes a page loads from here are the bytes it would load from a CDN. Each file's
 * compressed body is kept (by content hash), so brotli's best quality is paid once per file version.
 */
export function compressFiles(): MiddlewareHandler {
  const cache = new Map<string, Buffer>();
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (c.req.method !== 'GET' || res.status !== 200 || res.body === null || res.headers.has('content-encoding') || !compressible.test(type)) return;
    res.headers.append('vary', 'accept-encoding');
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    if (encoding === null) return;
    // A file that small gains nothing from compression (its header and framing cost about as much).
    const length = Number(res.headers.get('content-length') ?? Number.NaN);
    if (length < 512) return;
    const body = Buffer.from(await res.arrayBuffer());
    const key = `${encoding}:${createHash('sha1').update(body).digest('base64')}`;
    let packed = cache.get(key);
    if (packed === undefined) {
      packed =
        encoding === 'br'
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipSync(body, { level: 9 });
      // Bounded: a development server sees a few dozen files, each rebuilt now and then.
      if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
      cache.set(key, packed);
    }
    const headers = new Headers(res.headers);
    headers.set('content-encoding', encoding);
    headers.set('content-length', String(packed.length));
    // Cleared first: Hono copies the old response's headers onto a new one, and its Content-Length is the file's.
    c.res = undefined;
    c.res = new Response(new Uint8Array(packed), { status: res.status, headers });
  };
}
