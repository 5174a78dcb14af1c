// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AgentHttpError } from '../../../src/transport/errors/AgentHttpError.ts';
import { AgentRateLimitError } from '../../../src/transport/errors/AgentRateLimitError.ts';
import { streamCompletion } from '../../../src/transport/agent/streamCompletion.ts';
import { streamReply } from '../../../src/state/agent/streamReply.ts';
import { startTestServer } from '../../server/helpers/testServer.ts';

// The widget's client against the project's own agent endpoint over real HTTP (node fetch).
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ agent: { tokenDelayMs: 5, llm: undefined } });
  // 5 ms a token: slow enough that "Stop generating" always lands mid-reply, fast enough for the suite.
  await server.db.query(`update agents set rate_limit = 1000 where id = 'demo-bot'`);
  await server.db.query(
    `insert into agents (id, tenant_id, name, visibility, allowed_origins, rate_limit, rate_window_seconds, allowed_models, default_model)
     values ('widget-limited-bot', $1, 'Limited', 'public', '{}', 1, 60, '{tiny-demo-1}', 'tiny-demo-1')`,
    ['11111111-2222-3333-4444-555555555555'],
  );
}, 60_000);
afterAll(() => server.close());

const ask = (content: string) => [{ role: 'user' as const, content }];
const immediately = (flush: () => void) => (flush(), () => undefined);

describe('streamCompletion against the local agent server', () => {
  test('streams a real reply token by token, then its cited sources', async () => {
    const tokens: string[] = [];
    const result = await streamCompletion({ agentUrl: server.url, botId: 'demo-bot', messages: ask('How do I return a parcel?'), onToken: (t) => tokens.push(t) });
    expect(tokens.length).toBeGreaterThan(3);
    expect(result.text).toBe(tokens.join(''));
    expect(result.sources.length).toBeGreaterThan(0);
    for (const s of result.sources) {
      expect(s.url).toMatch(/^https?:\/\//);
      expect(s.title.length).toBeGreaterThan(0);
    }
  });

  test('streamReply fills the model and ends done', async () => {
    const { model, done } = streamReply({ agentUrl: server.url, botId: 'demo-bot', messages: ask('How long does shipping take?'), schedule: immediately });
    await done;
    expect(model.status.value).toBe('done');
    expect(model.text.value.length).toBeGreaterThan(10);
    expect(model.error.value).toBeNull();
  });

  test('Stop generating ends the reply early and keeps what arrived', async () => {
    const { model, done } = streamReply({ agentUrl: server.url, botId: 'demo-bot', messages: ask('How do I return a parcel?'), schedule: immediately });
    await new Promise<void>((resolve) => {
      const stop = model.text.subscribe((text) => {
        if (text.length > 0) {
          queueMicrotask(() => stop());
          resolve();
        }
      });
    });
    model.stop();
    await done;
    expect(model.status.value).toBe('stopped');
    expect(model.text.value.length).toBeGreaterThan(0);
  });

  test('a private agent without a key is a 401 with a sentence', async () => {
    const error = await streamCompletion({ agentUrl: server.url, botId: 'private-bot', messages: ask('Hi'), onToken: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentHttpError);
    expect((error as AgentHttpError).status).toBe(401);
    expect((error as AgentHttpError).message).toMatch(/^[A-Z].*\.$/);
  });

  test('the per-user limit is a AgentRateLimitError with the wait in seconds', async () => {
    await streamCompletion({ agentUrl: server.url, botId: 'widget-limited-bot', messages: ask('Hi'), onToken: () => undefined });
    const error = await streamCompletion({ agentUrl: server.url, botId: 'widget-limited-bot', messages: ask('Hi again'), onToken: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRateLimitError);
    expect((error as AgentRateLimitError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((error as AgentRateLimitError).retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
