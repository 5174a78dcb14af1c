// The widget project's own environment (happy-dom), where component tests will use this client: happy-dom's
// fetch and its XMLHttpRequest (the default upload path) against a loopback node:http server. (The local
// server itself cannot be imported under happy-dom: its migrations are found via import.meta.url.)
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import { isHttpError } from '../../../src/transport/errors/HttpError.ts';
import { json, startHttpServer, type HttpTestServer } from './helpers/startHttpServer.ts';

const CONFIG = { tenant: { id: 't1', name: 'Acme Logistics' }, realtime: { supabase_url: 'http://127.0.0.1:1', supabase_anon_key: 'rt', channel_prefix: 'conv:' } };
// happy-dom applies CORS like a browser; the real server allows these too.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, x-tinychat-api-key, idempotency-key',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
};
const reply = (res: ServerResponse, status: number, body: unknown) => json(res, status, body, CORS);

let server: HttpTestServer;
beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    if (req.url === '/v1/config') return reply(res, 200, CONFIG);
    if (req.url === '/v1/conversations/c1/upload') {
      const multipart = String(req.headers['content-type']).startsWith('multipart/form-data') && req.body.includes('name="file"; filename="dot.png"');
      return multipart ? reply(res, 201, { url: 'http://cdn/dot.png', path: 't1/c1/dot.png' }) : reply(res, 400, { error: 'file is required' });
    }
    if (req.url === '/v1/conversations/c2/upload') return reply(res, 415, { error: 'unsupported mime: text/plain' });
    return reply(res, 404, { error: 'conversation not found' });
  });
});
afterAll(() => server?.close());

test('in happy-dom: REST calls, typed errors and the XMLHttpRequest upload work', async () => {
  expect(typeof XMLHttpRequest).toBe('function');
  const api = createRestClient({ baseUrl: server.url, apiKey: 'pk_test_demo' });
  expect(await api.getConfig()).toEqual(CONFIG);
  const error = await api.history('missing').catch((e: unknown) => e);
  expect(isHttpError(error) && [error.status, error.message]).toEqual([404, 'conversation not found']);

  const progress: number[] = [];
  const result = await api.upload('c1', new File(['png bytes'], 'dot.png', { type: 'image/png' }), (f) => progress.push(f));
  expect(result).toEqual({ url: 'http://cdn/dot.png', path: 't1/c1/dot.png' });
  // happy-dom never fires upload progress events; the completed upload still reports 1.
  expect(progress.at(-1)).toBe(1);
  const uploads = server.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/upload'));
  expect(uploads[0]?.headers['x-tinychat-api-key']).toBe('pk_test_demo');
  const wrongType = await api.upload('c2', new File(['x'], 'a.txt', { type: 'text/plain' })).catch((e: unknown) => e);
  expect(isHttpError(wrongType) && [wrongType.status, wrongType.message]).toEqual([415, 'unsupported mime: text/plain']);
});
