import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers/testServer.ts';

// The agent called with the unmodified `openai` package, the way an integrator's backend would (README).
type Started = Awaited<ReturnType<typeof startTestServer>>;
let ours: Started;
beforeAll(async () => {
  ours = await startTestServer({ agent: { tokenDelayMs: 0, llm: undefined } });
});
afterAll(() => ours.close());

// The SDK requires an apiKey and sends it as a Bearer token, which the agent ignores; `api-key` is the agent's.
const client = (server: Started, apiKey?: string) =>
  new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: apiKey ? { 'api-key': apiKey } : {} });
// botId is Tiny Talk's, beyond OpenAI's types; the SDK sends unknown body fields as they are.
const ask = (model: string, botId: string) => ({ model, botId, messages: [{ role: 'user' as const, content: 'How do I return a parcel?' }] });

describe('the agent through the openai SDK (default mode)', () => {
  it('answers a private agent with botId in the body and its key in api-key', async () => {
    const reply = await client(ours, 'tiny_sk_demo').chat.completions.create({ ...ask('tiny-demo-1', 'private-bot'), stream: false });
    expect(reply.choices[0]?.message.content).toMatch(/return/i);
  });

  it('streams a reply', async () => {
    const stream = await client(ours).chat.completions.create({ ...ask('tiny-demo-1', 'demo-bot'), stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices?.[0]?.delta?.content ?? '';
    expect(text).toMatch(/return/i);
  });

  it('shows the server\'s reason for a refusal, not "(no body)"', async () => {
    const refused = await client(ours)
      .chat.completions.create({ ...ask('gpt-5', 'demo-bot'), stream: false })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.APIError);
    expect((refused as InstanceType<typeof OpenAI.APIError>).status).toBe(403);
    expect((refused as Error).message).toMatch(/403 model not available on this agent's plan: gpt-5/);
    expect((refused as InstanceType<typeof OpenAI.APIError>).type).toBe('permission_error');
    const locked = await client(ours)
      .chat.completions.create({ ...ask('tiny-demo-1', 'private-bot'), stream: false })
      .catch((e: unknown) => e);
    expect((locked as Error).message).toMatch(/401 missing api key: this agent is private/);
  });
});
