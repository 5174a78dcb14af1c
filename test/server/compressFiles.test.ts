import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickEncoding } from '../../server/http/compressFiles.ts';
import { staticRoutes } from '../../server/http/routes/static.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with the given Accept-Encoding, the body as it came off the wire (node:http decodes nothing). */
function get(port: number, path: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the demo and dist/ with gzip and brotli', () => {
  const script = `export const words = ${JSON.stringify('the widget and its chunks '.repeat(400))};\n`;
  const page = `<!doctype html><title>home</title>${'<p>A page with a chat.</p>'.repeat(100)}`;
  let dir: string;
  let port: number;
  let close: () => void;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tinychat-compress-'));
    await mkdir(join(dir, 'demo'), { recursive: true });
    await mkdir(join(dir, 'dist', 'chunks'), { recursive: true });
    await writeFile(join(dir, 'demo', 'index.html'), page);
    await writeFile(join(dir, 'demo', 'photo.png'), Buffer.alloc(4096, 7));
    await writeFile(join(dir, 'dist', 'chunks', 'widget.mjs'), script);
    const app = new Hono();
    app.route('/', staticRoutes({ demo: join(dir, 'demo'), dist: join(dir, 'dist') }));
    const server = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    close = () => server.close();
  });
  afterAll(async () => {
    close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers brotli to a browser that takes it, the same bytes once decoded', async () => {
    const res = await get(port, '/dist/chunks/widget.mjs', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
    // Still a script a cross-origin page may import.
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers gzip when brotli is not offered, and plain bytes when nothing is', async () => {
    const gzipped = await get(port, '/', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(page);
    const plain = await get(port, '/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
    // Brotli refused outright (q=0) falls back to gzip.
    expect((await get(port, '/', 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
  });

  it('leaves images as they are, and the same file compresses the same each time', async () => {
    const image = await get(port, '/photo.png', 'br, gzip');
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.body.length).toBe(4096);
    const [first, second] = [await get(port, '/dist/chunks/widget.mjs', 'br'), await get(port, '/dist/chunks/widget.mjs', 'br')];
    expect(second.body.equals(first.body)).toBe(true);
  });

  it('reads Accept-Encoding as HTTP writes it', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('GZIP')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('gzip;q=0, br;q=0')).toBeNull();
  });
});
