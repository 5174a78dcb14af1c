import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticRoutes } from '../../server/http/routes/static.ts';
import { startLiveServer, type LiveServer } from './helpers/liveServer.ts';

/** A raw GET: the path goes on the wire exactly as written (fetch would normalise `..` away). */
function rawGet(port: number, path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static routes on their own folders', () => {
  let dir: string;
  let port: number;
  let close: () => void;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tinychat-static-'));
    await mkdir(join(dir, 'demo', 'empty'), { recursive: true });
    await mkdir(join(dir, 'dist', 'chunks'), { recursive: true });
    await writeFile(join(dir, 'secret.txt'), 'outside both roots');
    await writeFile(join(dir, 'demo', 'index.html'), '<!doctype html><title>home</title>');
    await writeFile(join(dir, 'demo', 'page.css'), 'body{}');
    await writeFile(join(dir, 'demo', '.env'), 'SECRET=1');
    await writeFile(join(dir, 'dist', 'tinychat.js'), 'console.log(1)');
    await writeFile(join(dir, 'dist', 'tinychat.mjs'), 'export {}');
    await writeFile(join(dir, 'dist', 'chunks', 'a.js'), 'export {}');
    const app = new Hono();
    app.get('/v1/ping', (c) => c.text('api'));
    app.route('/', staticRoutes({ demo: join(dir, 'demo'), dist: join(dir, 'dist') }));
    app.notFound((c) => c.json({ error: 'not found' }, 404));
    const server = createAdaptorServer({ fetch: app.fetch });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    close = () => server.close();
  });
  afterAll(async () => {
    close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves / as index.html and each file with its content type', async () => {
    const home = await rawGet(port, '/');
    expect(home).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>home</title>' });
    expect((await rawGet(port, '/page.css')).type).toBe('text/css; charset=utf-8');
    expect(await rawGet(port, '/dist/tinychat.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1)' });
    expect((await rawGet(port, '/dist/tinychat.mjs')).type).toBe('text/javascript; charset=utf-8');
    expect((await rawGet(port, '/dist/chunks/a.js')).status).toBe(200);
  });

  it('leaves what it does not have to the routes before and after it', async () => {
    expect((await rawGet(port, '/v1/ping')).body).toBe('api');
    expect((await rawGet(port, '/missing.html')).status).toBe(404);
    // dist files live only under /dist/, demo files only under /.
    expect((await rawGet(port, '/tinychat.js')).status).toBe(404);
    expect((await rawGet(port, '/dist/index.html')).status).toBe(404);
  });

  it('lists no folder', async () => {
    for (const path of ['/dist/', '/dist', '/dist/chunks/', '/empty/', '/empty']) {
      const res = await rawGet(port, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toMatch(/a\.js|tinychat/);
    }
  });

  it('never reads outside its folders or a hidden file', async () => {
    const attempts = [
      '/../secret.txt',
      '/dist/../secret.txt',
      '/dist/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/dist/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/dist/..\\..\\secret.txt',
      '//secret.txt',
      '/.env',
      '/%2eenv',
    ];
    for (const path of attempts) {
      const res = await rawGet(port, path);
      // Node's HTTP parser itself refuses some of these (400); the rest find nothing (404).
      expect([400, 404], path).toContain(res.status);
      expect(res.body, path).not.toContain('outside both roots');
      expect(res.body, path).not.toContain('SECRET');
    }
  });
});

describe('the real server', () => {
  let live: LiveServer;
  beforeAll(async () => {
    live = await startLiveServer();
  });
  afterAll(() => live.dispose());

  it('serves the demo pages and the built widget', async () => {
    const home = await rawGet(live.port, '/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<script src="/dist/tinychat.js" data-api-key="pk_test_demo" async></script>');
    for (const page of ['/spa.html', '/inbox.html', '/demo.css']) expect((await rawGet(live.port, page)).status, page).toBe(200);
    const script = await rawGet(live.port, '/dist/tinychat.js');
    expect(script.status).toBe(200);
    expect(script.type).toBe('text/javascript; charset=utf-8');
    expect((await rawGet(live.port, '/dist/tinychat.mjs')).status).toBe(200);
  });

  it('keeps the API answering JSON errors, not pages', async () => {
    const res = await rawGet(live.port, '/v1/config');
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ error: 'missing x-tinychat-api-key header' });
  });
});
