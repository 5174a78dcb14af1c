import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers/testServer.ts';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ agent: { tokenDelayMs: 0, llm: undefined } });
  // demo-bot keeps its seeded rules; these rows give each rule a bot of its own so tests do not share a budget.
  await server.db.query(`update agents set rate_limit = 1000 where id = 'demo-bot'`);
  await server.db.query(
    `insert into agents (id, tenant_id, name, visibility, allowed_origins, rate_limit, rate_window_seconds, allowed_models, default_model) values
       ('limited-bot', $1, 'Limited', 'public', '{}', 3, 60, '{tiny-demo-1}', 'tiny-demo-1'),
       ('origin-bot', $1, 'Shop only', 'public', '{https://shop.example}', 1000, 60, '{tiny-demo-1}', 'tiny-demo-1'),
       ('models-bot', $1, 'Two models', 'public', '{}', 1000, 60, '{tiny-demo-1,tiny-demo-2}', 'tiny-demo-1'),
       ('quiet-bot', $1, 'Not streaming', 'public', '{}', 1000, 60, '{tiny-demo-1}', 'tiny-demo-1')`,
    ['11111111-2222-3333-4444-555555555555'],
  );
  await server.db.query(`update agents set stream_default = false where id = 'quiet-bot'`);
  await server.db.query(`insert into agent_keys (key, agent_id) values ('tiny_sk_limited', 'limited-bot')`);
});
afterAll(() => server.close());

const ask = (content: string) => [{ role: 'user', content }];

function post(body: unknown, headers: Record<string, string> = {}, path = '/v1/chat/completions') {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Reads a whole SSE response with the same parser the widget uses. */
async function readEvents(res: Response): Promise<EventSourceMessage[]> {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  parser.feed(await res.text());
  return events;
}

describe('POST /v1/chat/completions, streaming (the default)', () => {
  it('streams chunk events, [DONE], then message_payload citing the pages that answer the question', async () => {
    const res = await post({ botId: 'demo-bot', messages: ask('How do I return a parcel?') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('x-ratelimit-limit')).toBe('1000'); // the stream's headers carry the limit too
    const events = await readEvents(res);
    const done = events.findIndex((e) => e.data === '[DONE]');
    expect(done).toBeGreaterThan(1);
    const chunks = events.slice(0, done).map((e) => {
      expect(e.event).toBeUndefined(); // data-only
      return JSON.parse(e.data);
    });
    for (const c of chunks) {
      expect(c).toMatchObject({ id: chunks[0].id, object: 'chat.completion.chunk', created: expect.any(Number), model: 'tiny-demo-1' });
      expect(c.choices).toHaveLength(1);
      expect(c.choices[0].index).toBe(0);
    }
    expect(chunks[0].id).toMatch(/^chatcmpl-/);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    expect(chunks.at(-1).choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' });
    expect(chunks.slice(0, -1).every((c) => c.choices[0].finish_reason === null)).toBe(true);
    const text = chunks.map((c) => c.choices[0].delta.content ?? '').join('');
    expect(text).toContain('return label');
    expect(text).toContain(`[Returns and refunds](${server.url}/kb/returns)`);

    expect(events.slice(done + 1)).toHaveLength(1);
    const payload = events[done + 1];
    expect(payload?.event).toBe('message_payload');
    const { citedResources } = JSON.parse(payload?.data ?? '');
    expect(citedResources[0]).toEqual({ id: 'returns', url: `${server.url}/kb/returns`, title: 'Returns and refunds', type: 'url' });
    expect(citedResources.every((r: { id: string }) => r.id === 'returns')).toBe(true);
  });

  it('cites the page for the question asked, which this server serves', async () => {
    const events = await readEvents(await post({ botId: 'demo-bot', messages: ask('I forgot my password, how do I reset it?') }));
    const cited = JSON.parse(events.at(-1)?.data ?? '').citedResources;
    expect(cited.map((r: { id: string }) => r.id)).toEqual(['account-help']);
    const page = await fetch(cited[0].url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Resetting your password');
    expect(html).toContain('**Forgot password**'); // markdown shown as escaped text
  });

  it('says when nothing matches and offers a person, citing nothing', async () => {
    const events = await readEvents(await post({ botId: 'demo-bot', messages: ask('What is the capital of Peru?') }));
    const text = events
      .filter((e) => e.event === undefined && e.data !== '[DONE]')
      .map((e) => JSON.parse(e.data).choices[0].delta.content ?? '')
      .join('');
    expect(text).toMatch(/couldn't find/);
    expect(text).toMatch(/talk to a person/);
    expect(JSON.parse(events.at(-1)?.data ?? '')).toEqual({ citedResources: [] });
  });

  it('uses the conversation: a follow-up is answered with the earlier question in mind', async () => {
    const res = await post({
      botId: 'demo-bot',
      stream: false,
      messages: [
        { role: 'user', content: 'How long does international delivery take?' },
        { role: 'assistant', content: 'International parcels take 5-10 business days.' },
        { role: 'user', content: 'and customs?' },
      ],
    });
    const body = await res.json();
    expect(body.payload.citedResources.map((r: { id: string }) => r.id)).toContain('delivery-times');
  });
});

describe('POST /v1/chat/completions, stream: false', () => {
  it("answers exactly the seed's JSON shape", async () => {
    const res = await post({ botId: 'demo-bot', stream: false, messages: ask('Where is my parcel? I have a tracking number') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'tiny-demo-1',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: expect.stringContaining('ACME'), refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), total_tokens: expect.any(Number) },
      payload: { citedResources: [{ id: 'tracking', url: `${server.url}/kb/tracking`, title: 'Tracking a parcel', type: 'url' }] },
    });
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(Math.abs(body.created - Date.now() / 1000)).toBeLessThan(60);
  });

  it("follows the agent's stream setting when stream is left out", async () => {
    const res = await post({ botId: 'quiet-bot', messages: ask('Good morning') });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await res.json()).choices[0].message.content).toMatch(/^Hello!/);
  });

  it('is served under /api/v1 too', async () => {
    const res = await post({ botId: 'demo-bot', stream: false, messages: ask('hi') }, {}, '/api/v1/chat/completions');
    expect(res.status).toBe(200);
  });
});

describe('bad requests: 400 {code, message} naming the field', () => {
  const cases: [string, unknown, RegExp][] = [
    ['broken JSON', '{"botId":', /valid JSON/],
    ['a JSON array', '[]', /JSON object/],
    ['no botId', { messages: ask('hi') }, /botId/],
    ['a numeric botId', { botId: 7, messages: ask('hi') }, /botId/],
    ['no messages', { botId: 'demo-bot' }, /messages/],
    ['empty messages', { botId: 'demo-bot', messages: [] }, /messages/],
    ['a string message', { botId: 'demo-bot', messages: ['hi'] }, /messages\[0\]/],
    ['an unknown role', { botId: 'demo-bot', messages: [{ role: 'tool', content: 'x' }] }, /messages\[0\]\.role/],
    ['non-string content', { botId: 'demo-bot', messages: [{ role: 'user', content: 5 }] }, /messages\[0\]\.content/],
    ['no user message', { botId: 'demo-bot', messages: [{ role: 'system', content: 'be nice' }] }, /user message/],
    ['temperature above 2', { botId: 'demo-bot', messages: ask('hi'), temperature: 2.5 }, /temperature/],
    ['a string temperature', { botId: 'demo-bot', messages: ask('hi'), temperature: '0.2' }, /temperature/],
    ['a string stream', { botId: 'demo-bot', messages: ask('hi'), stream: 'no' }, /stream/],
    ['an empty model', { botId: 'demo-bot', messages: ask('hi'), model: '' }, /model/],
  ];
  it.each(cases)('%s', async (_name, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json).toMatchObject({ code: 400, message: expect.stringMatching(message) });
  });

  it('refuses an oversized body with 413 in the same shape', async () => {
    const res = await post({ botId: 'demo-bot', messages: ask('x'.repeat(600_000)) });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 413, message: expect.stringContaining('larger') });
  });

  it('accepts temperature at the edges of 0..2', async () => {
    expect((await post({ botId: 'demo-bot', stream: false, messages: ask('hi'), temperature: 0 })).status).toBe(200);
    expect((await post({ botId: 'demo-bot', stream: false, messages: ask('hi'), temperature: 2 })).status).toBe(200);
  });
});

describe('agents and keys', () => {
  it('answers 404 for an unknown botId', async () => {
    const res = await post({ botId: 'no-such-bot', messages: ask('hi') });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 404, message: expect.stringContaining('botId') });
  });

  it('refuses a private agent without a key, and with a wrong one (401)', async () => {
    const none = await post({ botId: 'private-bot', messages: ask('hi') });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 401, message: expect.stringContaining('api-key') });
    const wrong = await post({ botId: 'private-bot', messages: ask('hi') }, { 'api-key': 'tiny_sk_wrong' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 401, message: 'invalid api key' });
    // A key of another agent is wrong for this one.
    expect((await post({ botId: 'private-bot', messages: ask('hi') }, { 'api-key': 'tiny_sk_limited' })).status).toBe(401);
  });

  it('answers a private agent with its key', async () => {
    const res = await post({ botId: 'private-bot', stream: false, messages: ask('hi') }, { 'api-key': 'tiny_sk_demo' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull(); // trusted traffic is not counted
  });

  it("refuses a model not on the agent's plan (403) and accepts one that is", async () => {
    const res = await post({ botId: 'demo-bot', messages: ask('hi'), model: 'gpt-5' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 403, message: expect.stringContaining('gpt-5') });
    const ok = await post({ botId: 'models-bot', stream: false, messages: ask('hi'), model: 'tiny-demo-2' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).model).toBe('tiny-demo-2');
  });

  it("checks the Origin header against the agent's allowed origins (403)", async () => {
    const body = { botId: 'origin-bot', stream: false, messages: ask('hi') };
    const other = await post(body, { origin: 'https://evil.example' });
    expect(other.status).toBe(403);
    expect(await other.json()).toMatchObject({ code: 403, message: expect.stringContaining('origin') });
    expect((await post(body, { origin: 'https://shop.example' })).status).toBe(200);
    expect((await post(body, { origin: 'https://SHOP.example/' })).status).toBe(200);
    // No Origin: not a browser, so only a keyed server may skip the list.
    expect((await post(body)).status).toBe(403);
    // An empty list means any origin.
    expect((await post({ ...body, botId: 'demo-bot' }, { origin: 'https://anywhere.example' })).status).toBe(200);
  });

  it('lets any origin through CORS and exposes the rate-limit headers', async () => {
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,api-key' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/api-key/);
    const answer = await post({ botId: 'demo-bot', stream: false, messages: ask('hi') }, { origin: 'https://shop.example' });
    expect(answer.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
  });
});

describe('rate limits (public agents, per caller address)', () => {
  it('counts down on every answer, then answers 429 with Retry-After; a valid key is never limited', async () => {
    const body = { botId: 'limited-bot', stream: false, messages: ask('hi') };
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(body);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('3');
      seen.push(res.headers.get('x-ratelimit-remaining') ?? '');
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 61);
    }
    expect(seen).toEqual(['2', '1', '0']);
    const limited = await post(body);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 429, message: expect.stringContaining('rate limit') });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Streaming requests are counted the same way.
    expect((await post({ ...body, stream: true })).status).toBe(429);

    for (let i = 0; i < 5; i++) {
      const keyed = await post(body, { 'api-key': 'tiny_sk_limited' });
      expect(keyed.status).toBe(200);
      expect(keyed.headers.get('x-ratelimit-limit')).toBeNull();
    }
    // A wrong key does not get around the limit either.
    expect((await post(body, { 'api-key': 'tiny_sk_nope' })).status).toBe(401);
  });

  it("uses the agent's limit from the database", async () => {
    await server.db.query(`update agents set rate_limit = 1 where id = 'models-bot'`);
    const body = { botId: 'models-bot', stream: false, messages: ask('hi') };
    // models-bot was called above within this window, so one more is over a limit of 1.
    const res = await post(body);
    expect(res.status).toBe(429);
    expect(res.headers.get('x-ratelimit-limit')).toBe('1');
  });
});

describe('disconnects', () => {
  it('keeps serving after a client goes away mid-stream', async () => {
    const slow = await startTestServer({ agent: { tokenDelayMs: 30, llm: undefined } });
    try {
      const stop = new AbortController();
      const res = await fetch(`${slow.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ botId: 'demo-bot', messages: ask('How do I return a parcel?') }),
        signal: stop.signal,
      });
      const reader = res.body!.getReader(); // eslint-disable-line @typescript-eslint/no-non-null-assertion -- a 200 SSE answer has a body
      await reader.read();
      stop.abort();
      const next = await fetch(`${slow.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ botId: 'demo-bot', stream: false, messages: ask('hi') }),
      });
      expect(next.status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
