import { afterEach, describe, expect, test, vi } from 'vitest';
import { AgentHttpError } from '../../../src/transport/errors/AgentHttpError.ts';
import { isAgentError } from '../../../src/transport/errors/AgentError.ts';
import { AgentNetworkError } from '../../../src/transport/errors/AgentNetworkError.ts';
import { AgentRateLimitError } from '../../../src/transport/errors/AgentRateLimitError.ts';
import { streamCompletion } from '../../../src/transport/agent/streamCompletion.ts';
import type { CitedResource } from '../../../src/transport/agent/types.ts';
import { chunkedBody, fakeFetch, sseReply, tokenEvent } from './helpers/sse.ts';

const TOKENS = ['Hello', ' 👋🏽', ' 世界', '!\n\n', '**Bold**', ' and `code`', '\n- 一', '\n- 二 🇯🇵', ' "quoted"\\', ' é', ' done.'];
const SOURCES: CitedResource[] = [
  { id: 'kb-1', url: 'https://acme.example/shipping', title: 'Shipping times', type: 'website' },
  { id: 'kb-2', url: 'https://acme.example/returns', title: 'Returns 🔁', type: 'website' },
];
const base = { agentUrl: 'http://agent.test/', botId: 'demo-bot', messages: [{ role: 'user' as const, content: 'Hi' }] };

function sseResponse(body: ReadableStream<Uint8Array>, init: ResponseInit = {}): Response {
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' }, ...init });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('streamCompletion reads the SSE reply', () => {
  test.each(Array.from({ length: 25 }, (_, i) => i + 1))('tokens reassemble exactly whatever the chunking (seed %i)', async (seed) => {
    const { fetch } = fakeFetch(() => sseResponse(chunkedBody(sseReply(TOKENS, SOURCES), seed, { maxChunk: 1 + (seed % 7) * 9 }).stream));
    const tokens: string[] = [];
    const result = await streamCompletion({ ...base, fetch, onToken: (t) => tokens.push(t) });
    expect(tokens).toEqual(TOKENS);
    expect(result.text).toBe(TOKENS.join(''));
    expect(result.sources).toEqual(SOURCES);
  });

  test('[DONE] is reported before the payload, and the sources come from message_payload', async () => {
    const order: string[] = [];
    const { fetch } = fakeFetch(() => sseResponse(chunkedBody(sseReply(['a', 'b'], SOURCES), 3).stream));
    const result = await streamCompletion({ ...base, fetch, onToken: (t) => order.push(t), onDone: () => order.push('[DONE]') });
    expect(order).toEqual(['a', 'b', '[DONE]']);
    expect(result.sources.map((s) => s.title)).toEqual(['Shipping times', 'Returns 🔁']);
  });

  test('CRLF line endings, comments and a payload nested under `payload` are read too', async () => {
    const wire = `: keep-alive\r\n\r\n${tokenEvent('x').replace(/\n/g, '\r\n')}data: [DONE]\r\n\r\nevent: message_payload\r\ndata: {"payload":{"citedResources":[{"id":7,"url":"https://a.example/","title":"A","type":"website"}]}}\r\n\r\n`;
    const { fetch } = fakeFetch(() => sseResponse(chunkedBody(wire, 9).stream));
    const result = await streamCompletion({ ...base, fetch, onToken: () => undefined });
    expect(result).toEqual({ text: 'x', sources: [{ id: '7', url: 'https://a.example/', title: 'A', type: 'website' }] });
  });

  test('[DONE] without a payload ends with no sources', async () => {
    const { fetch } = fakeFetch(() => sseResponse(chunkedBody(`${tokenEvent('ok')}data: [DONE]\n\n`, 1).stream));
    expect(await streamCompletion({ ...base, fetch, onToken: () => undefined })).toEqual({ text: 'ok', sources: [] });
  });

  test('POSTs botId, messages and stream:true to {agentUrl}/v1/chat/completions, with no key', async () => {
    const { fetch, calls } = fakeFetch(() => sseResponse(chunkedBody(sseReply(['a']), 1).stream));
    await streamCompletion({ ...base, fetch, onToken: () => undefined, headers: { 'x-tinychat-user-id': 'u_42' } });
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call?.url).toBe('http://agent.test/v1/chat/completions');
    expect(call?.init.method).toBe('POST');
    expect(JSON.parse(String(call?.init.body))).toEqual({ botId: 'demo-bot', messages: [{ role: 'user', content: 'Hi' }], stream: true });
    const headers = new Headers(call?.init.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('x-tinychat-user-id')).toBe('u_42');
    expect(headers.has('api-key')).toBe(false);
  });

  test.each(['api-key', 'Api-Key', 'authorization'])('refuses to send a %s header, before any request', async (name) => {
    const { fetch, calls } = fakeFetch(() => sseResponse(chunkedBody(sseReply(['a']), 1).stream));
    const error = await streamCompletion({ ...base, fetch, onToken: () => undefined, headers: { [name]: 'tiny_sk_demo' } }).catch((e: unknown) => e);
    expect(isAgentError(error) && error.kind).toBe('refused');
    expect(calls).toHaveLength(0);
  });
});

describe('Stop generating', () => {
  test('aborting mid-stream rejects with the abort reason and cancels the body stream', async () => {
    const body = chunkedBody(sseReply(TOKENS), 5, { maxChunk: 200, hangAfter: 1 });
    const { fetch } = fakeFetch(() => sseResponse(body.stream));
    const controller = new AbortController();
    const tokens: string[] = [];
    const promise = streamCompletion({
      ...base,
      fetch,
      signal: controller.signal,
      onToken: (t) => {
        tokens.push(t);
        controller.abort();
      },
    });
    const error = await promise.catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
    expect(await body.cancelled).toBeDefined();
    expect(tokens.length).toBeGreaterThan(0);
    expect(body.pulled()).toBe(1);
  });

  test('aborting while the stream is silent ends the read at once', async () => {
    const body = chunkedBody(sseReply(TOKENS), 5, { maxChunk: 40, hangAfter: 2 });
    const { fetch } = fakeFetch(() => sseResponse(body.stream));
    const controller = new AbortController();
    const promise = streamCompletion({ ...base, fetch, signal: controller.signal, onToken: () => undefined });
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    await body.cancelled;
  });

  test('aborting before the response arrives rejects with the abort reason, not a network error', async () => {
    const controller = new AbortController();
    controller.abort();
    const { fetch } = fakeFetch(() => sseResponse(chunkedBody(sseReply(['a']), 1).stream));
    await expect(streamCompletion({ ...base, fetch, signal: controller.signal, onToken: () => undefined })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('errors become typed errors with a sentence', () => {
  test.each([
    [400, { code: 400, message: 'messages must not be empty' }, 'Messages must not be empty.'],
    [401, { code: 401, message: 'Invalid or missing API key for a private agent' }, 'Invalid or missing API key for a private agent.'],
    [403, { code: 403, message: 'Plan limit exceeded: messages' }, 'Plan limit exceeded: messages.'],
    [500, { code: 500, message: 'Internal server error!' }, 'Internal server error!'],
    [400, { error: 'botId is required' }, 'BotId is required.'],
    [403, { error: { code: 'forbidden', message: 'Model not on your plan', status: 403, requestId: 'r1' } }, 'Model not on your plan.'],
    [401, '<html>Unauthorized</html>', 'This assistant is private and the widget is not allowed to use it.'],
    [502, '', 'The assistant ran into a problem. Please try again.'],
  ])('%i %j', async (status, body, sentence) => {
    const { fetch } = fakeFetch(() => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }));
    const error = await streamCompletion({ ...base, fetch, onToken: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentHttpError);
    expect(error).toMatchObject({ status, message: sentence, kind: 'agent-http' });
  });

  test('the code of a {code,message} body is kept', async () => {
    const { fetch } = fakeFetch(() => new Response(JSON.stringify({ code: 403, message: 'nope' }), { status: 403 }));
    await expect(streamCompletion({ ...base, fetch, onToken: () => undefined })).rejects.toMatchObject({ code: 403 });
  });

  test('429 takes the wait from Retry-After', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response(JSON.stringify({ code: 429, message: 'Too many requests' }), {
          status: 429,
          headers: { 'retry-after': '17', 'x-ratelimit-limit': '20', 'x-ratelimit-remaining': '0' },
        }),
    );
    const error = await streamCompletion({ ...base, fetch, onToken: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRateLimitError);
    expect(error).toMatchObject({ kind: 'agent-rate-limit', retryAfterSeconds: 17, limit: 20, message: 'Too many requests.' });
  });

  test('429 takes the wait from X-RateLimit-Reset when there is no Retry-After', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const reset = Math.floor(Date.now() / 1000) + 42;
    const { fetch } = fakeFetch(() => new Response('{}', { status: 429, headers: { 'x-ratelimit-reset': String(reset) } }));
    const error = await streamCompletion({ ...base, fetch, onToken: () => undefined }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'agent-rate-limit', retryAfterSeconds: 42, message: 'You are sending messages too quickly.' });
  });

  test('429 with an HTTP-date Retry-After', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const { fetch } = fakeFetch(() => new Response('{}', { status: 429, headers: { 'retry-after': 'Thu, 01 Jan 2026 00:01:30 GMT' } }));
    await expect(streamCompletion({ ...base, fetch, onToken: () => undefined })).rejects.toMatchObject({ retryAfterSeconds: 90 });
  });

  test('a stream that ends without [DONE] is cut off, after giving what it had', async () => {
    const tokens: string[] = [];
    const { fetch } = fakeFetch(() => sseResponse(chunkedBody(TOKENS.slice(0, 4).map(tokenEvent).join(''), 2).stream));
    const error = await streamCompletion({ ...base, fetch, onToken: (t) => tokens.push(t) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'cut-off', message: 'The reply was cut off. Please try again.' });
    expect(tokens).toEqual(TOKENS.slice(0, 4));
  });

  test('a fetch that fails is a AgentNetworkError with its cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const fetchImpl = (async () => {
      throw cause;
    }) as typeof fetch;
    const error = await streamCompletion({ ...base, fetch: fetchImpl, onToken: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentNetworkError);
    expect((error as AgentNetworkError).cause).toBe(cause);
  });

  test('a body that errors mid-stream is a AgentNetworkError', async () => {
    const { fetch } = fakeFetch(() => sseResponse(chunkedBody(sseReply(TOKENS), 4, { errorAfter: 3 }).stream));
    await expect(streamCompletion({ ...base, fetch, onToken: () => undefined })).rejects.toBeInstanceOf(AgentNetworkError);
  });

  test('an `event: error` after some tokens ends it with its message, after the tokens it had', async () => {
    const tokens: string[] = [];
    const wire = `${tokenEvent('Partial')}event: error\ndata: {"code":502,"message":"the model stopped answering"}\n\n`;
    const { fetch } = fakeFetch(() => sseResponse(chunkedBody(wire, 12).stream));
    await expect(streamCompletion({ ...base, fetch, onToken: (t) => tokens.push(t) })).rejects.toMatchObject({ kind: 'bad-stream', message: 'The model stopped answering.' });
    expect(tokens).toEqual(['Partial']);
  });

  test('an error object inside the stream ends it with its message', async () => {
    const wire = `${tokenEvent('Hel')}data: {"error":{"code":"overloaded","message":"The model is overloaded"}}\n\n`;
    const body = chunkedBody(wire, 8);
    const { fetch } = fakeFetch(() => sseResponse(body.stream));
    await expect(streamCompletion({ ...base, fetch, onToken: () => undefined })).rejects.toMatchObject({ kind: 'bad-stream', message: 'The model is overloaded.' });
    await body.cancelled;
  });
});
