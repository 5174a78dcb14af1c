// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import { startTestServer } from '../../server/helpers/testServer.ts';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import { isHttpError } from '../../../src/transport/errors/HttpError.ts';
import { isTimeoutError } from '../../../src/transport/errors/TimeoutError.ts';
import type { TinyChatApi } from '../../../src/transport/types.ts';
import { NodeXhr } from './helpers/NodeXhr.ts';
import { startHttpServer } from './helpers/startHttpServer.ts';

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

let server: RunningServer;
let api: TinyChatApi;
let conversationId: string;

beforeAll(async () => {
  server = await startTestServer();
  api = createRestClient({ baseUrl: server.url, apiKey: 'pk_test_demo', XMLHttpRequest: NodeXhr as unknown as typeof XMLHttpRequest });
  conversationId = (await api.getOrCreateConversation({ kind: 'direct', participants: ['u_up_1', 'u_up_2'] })).id;
});
afterAll(() => server?.close());

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('should have rejected'),
    (e: unknown) => e,
  );

describe('upload with XMLHttpRequest', () => {
  test('reports real progress, rising to 1, and stores the image', async () => {
    // 2 MB of PNG-headed bytes: the server checks the magic number, then keeps the file as sent.
    const big = new Uint8Array(2 * 1024 * 1024);
    big.set(PNG);
    const progress: number[] = [];
    const before = NodeXhr.created;
    const result = await api.upload(conversationId, new File([big], 'photo.png', { type: 'image/png' }), (f) => progress.push(f));
    expect(NodeXhr.created).toBe(before + 1);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= progress[i - 1]!))).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(progress.some((f) => f > 0.1 && f < 0.9)).toBe(true);
    const served = await fetch(result.url);
    expect((await served.arrayBuffer()).byteLength).toBe(big.length);
  });

  test('errors are the same typed errors as the fetch path (413, 415 with the server sentence)', async () => {
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set(PNG);
    const tooBig = await rejection(api.upload(conversationId, new File([huge], 'huge.png', { type: 'image/png' })));
    expect(isHttpError(tooBig) && [tooBig.status, tooBig.message]).toEqual([413, 'file too large (>10 MB)']);
    const wrongType = await rejection(api.upload(conversationId, new File(['hello'], 'a.txt', { type: 'text/plain' })));
    expect(isHttpError(wrongType) && [wrongType.status, wrongType.message]).toEqual([415, 'unsupported mime: text/plain']);
  });

  test('abort and timeout end the upload', async () => {
    const silent = await startHttpServer(() => {
      // reads the upload, never answers
    });
    try {
      const slowApi = createRestClient({ baseUrl: silent.url, apiKey: 'pk_test_demo', XMLHttpRequest: NodeXhr as unknown as typeof XMLHttpRequest, uploadTimeoutMs: 200 });
      expect(isTimeoutError(await rejection(slowApi.upload('c1', new File([PNG], 'a.png', { type: 'image/png' }))))).toBe(true);
      const controller = new AbortController();
      const pending = rejection(
        createRestClient({ baseUrl: silent.url, apiKey: 'pk_test_demo', XMLHttpRequest: NodeXhr as unknown as typeof XMLHttpRequest }).upload(
          'c1',
          new File([PNG], 'a.png', { type: 'image/png' }),
          undefined,
          {
            signal: controller.signal,
          },
        ),
      );
      setTimeout(() => controller.abort(), 50);
      expect(((await pending) as Error).name).toBe('AbortError');
    } finally {
      await silent.close();
    }
  });

  test('XMLHttpRequest: null uploads with fetch (progress only at the end)', async () => {
    const fetchApi = createRestClient({ baseUrl: server.url, apiKey: 'pk_test_demo', XMLHttpRequest: null });
    const progress: number[] = [];
    const before = NodeXhr.created;
    await fetchApi.upload(conversationId, new File([PNG], 'a.png', { type: 'image/png' }), (f) => progress.push(f));
    expect(NodeXhr.created).toBe(before);
    expect(progress).toEqual([1]);
  });
});
