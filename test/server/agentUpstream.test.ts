import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers/testServer.ts';

// A tiny OpenAI-compatible server on loopback: the network edge the agent talks to.
type Mode = 'ok' | 'json' | 'status' | 'cut' | 'garbage' | 'endless' | 'hang';
let mode: Mode = 'ok';
let status = 500;
let received: { body: any; auth: string | undefined }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any -- request bodies are inspected loosely
let endless = { written: 0, closed: false, closedAt: -1 };
let upstream: Server;
let upstreamUrl: string;

const chunk = (content: string | undefined, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'up-1', object: 'chat.completion.chunk', created: 1, model: 'upstream-model-x', choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: finish }] })}\n\n`;

function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
  if (req.method === 'GET' && req.url === '/v1/models') return void res.end('{"data":[]}');
  received.push({ body: JSON.parse(raw), auth: req.headers.authorization });
  if (mode === 'status') {
    res.writeHead(status, status === 429 ? { 'retry-after': '7' } : {});
    return void res.end('{"error":{"message":"nope"}}');
  }
  if (mode === 'json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(
      JSON.stringify({ model: 'upstream-json', choices: [{ message: { role: 'assistant', content: 'Whole answer.' } }], usage: { prompt_tokens: 11, completion_tokens: 2 } }),
    );
  }
  if (mode === 'hang') return; // never answers
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  if (mode === 'garbage') return void res.end('data: {not json\n\n');
  if (mode === 'cut') {
    res.write(chunk('Half an'));
    return void setTimeout(() => res.destroy(), 20);
  }
  if (mode === 'endless') {
    res.on('close', () => {
      endless.closed = true;
      endless.closedAt = endless.written;
    });
    const timer = setInterval(() => {
      if (endless.closed) return clearInterval(timer);
      endless.written++;
      res.write(chunk(`word${endless.written} `));
    }, 10);
    return;
  }
  res.write(chunk('Returns '));
  res.write(chunk('take **14 days**.'));
  res.write(`${chunk(undefined, 'stop')}data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 120, completion_tokens: 5 } })}\n\ndata: [DONE]\n\n`);
  res.end();
}

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  upstream = createHttpServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
  server = await startTestServer({
    agent: { tokenDelayMs: 0, llm: { url: upstreamUrl, key: 'sk-upstream-test', model: 'upstream-model', timeoutMs: 500 } },
  });
  await server.db.query(`update agents set rate_limit = 1000 where id = 'demo-bot'`);
});
afterAll(async () => {
  await server.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});
beforeEach(() => {
  mode = 'ok';
  received = [];
});

const post = (body: Record<string, unknown>, signal?: AbortSignal) =>
  fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ botId: 'demo-bot', messages: [{ role: 'user', content: 'How do I return a parcel?' }], ...body }),
    signal,
  });

async function readEvents(res: Response): Promise<EventSourceMessage[]> {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  parser.feed(await res.text());
  return events;
}

describe('with an OpenAI-compatible upstream configured', () => {
  it("streams the model's answer through, grounded in the retrieved passages, with retrieval's citations", async () => {
    const res = await post({ temperature: 0.3 });
    expect(res.status).toBe(200);
    const events = await readEvents(res);
    const done = events.findIndex((e) => e.data === '[DONE]');
    const chunks = events.slice(0, done).map((e) => JSON.parse(e.data));
    expect(chunks.map((c) => c.choices[0].delta.content ?? '').join('')).toBe('Returns take **14 days**.');
    expect(chunks.at(-1).choices[0].finish_reason).toBe('stop');
    expect(chunks.at(-1).model).toBe('upstream-model-x');
    expect(events[done + 1]?.event).toBe('message_payload');
    const cited = JSON.parse(events[done + 1]?.data ?? '').citedResources;
    expect(cited.map((r: { id: string }) => r.id)).toContain('returns');

    expect(received).toHaveLength(1);
    const sent = received[0];
    expect(sent?.auth).toBe('Bearer sk-upstream-test');
    expect(sent?.body).toMatchObject({ model: 'upstream-model', stream: true, temperature: 0.3 });
    expect(sent?.body.messages[0].role).toBe('system');
    expect(sent?.body.messages[0].content).toContain('return label'); // the passage text
    expect(sent?.body.messages[0].content).toContain(`${server.url}/kb/returns`);
    expect(sent?.body.messages.slice(1)).toEqual([{ role: 'user', content: 'How do I return a parcel?' }]);
  });

  it("collects it for stream: false, with the upstream's usage", async () => {
    const body = await (await post({ stream: false })).json();
    expect(body.choices[0].message.content).toBe('Returns take **14 days**.');
    expect(body.model).toBe('upstream-model-x');
    expect(body.usage).toEqual({ prompt_tokens: 120, completion_tokens: 5, total_tokens: 125 });
    expect(body.payload.citedResources[0].id).toBe('returns');
  });

  it('accepts an upstream that answers plain JSON', async () => {
    mode = 'json';
    const body = await (await post({ stream: false })).json();
    expect(body.choices[0].message.content).toBe('Whole answer.');
    expect(body.usage.total_tokens).toBe(13);
  });

  it.each([
    [401, 502, /credentials/],
    [500, 502, /HTTP 500/],
    [400, 502, /HTTP 400/],
    [429, 503, /busy/],
  ])('maps an upstream %i to a clean %i', async (upstreamStatus, expected, message) => {
    mode = 'status';
    status = upstreamStatus;
    const res = await post({});
    expect(res.status).toBe(expected);
    expect(await res.json()).toMatchObject({ code: expected, message: expect.stringMatching(message) });
    if (expected === 503) expect(res.headers.get('retry-after')).toBe('7');
  });

  it('answers 504 when the upstream does not answer in time', async () => {
    mode = 'hang';
    const res = await post({});
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ code: 504, message: expect.stringContaining('in time') });
  });

  it('ends the stream with an error event when the upstream breaks off or sends garbage', async () => {
    for (const m of ['cut', 'garbage'] as const) {
      mode = m;
      const events = await readEvents(await post({}));
      expect(events.some((e) => e.data === '[DONE]')).toBe(false);
      const error = events.at(-1);
      expect(error?.event).toBe('error');
      const reason = expect.stringContaining('AI provider');
      // Tiny Talk's {code, message}, and OpenAI's error object beside it for SDKs that read only that.
      expect(JSON.parse(error?.data ?? '')).toEqual({ code: 502, message: reason, error: { message: reason, type: 'server_error', code: 'upstream_error' } });
    }
  });

  it('stops the upstream generation when the client goes away mid-stream', async () => {
    mode = 'endless';
    endless = { written: 0, closed: false, closedAt: -1 };
    const stop = new AbortController();
    const res = await post({}, stop.signal);
    const reader = res.body!.getReader(); // eslint-disable-line @typescript-eslint/no-non-null-assertion -- a 200 SSE answer has a body
    let text = '';
    while (!text.includes('word2')) text += new TextDecoder().decode((await reader.read()).value);
    stop.abort();
    await expect.poll(() => endless.closed, { timeout: 5000 }).toBe(true);
    const atClose = endless.written;
    await new Promise((r) => setTimeout(r, 100));
    expect(endless.written).toBe(atClose); // nothing more is generated for a reader who left
  });
});

describe('when the upstream cannot be reached', () => {
  it('answers 502 with a clear message', async () => {
    const closed = createHttpServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await startTestServer({ agent: { tokenDelayMs: 0, llm: { url: `http://127.0.0.1:${port}/v1`, timeoutMs: 2000 } } });
    try {
      const res = await fetch(`${down.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ botId: 'demo-bot', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ code: 502, message: 'the AI provider could not be reached' });
    } finally {
      await down.close();
    }
  });
});
