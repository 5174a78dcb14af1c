import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../realtime/helpers/waitFor.ts';
import { startTestServer } from './helpers/testServer.ts';
import { startReceiver, unusedPort, type Received } from './helpers/webhookReceiver.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const DEMO_TENANT = '11111111-2222-3333-4444-555555555555';
type Server = Awaited<ReturnType<typeof startTestServer>>;

// One server; each test adds its own endpoint and disables it when done.
let server: Server;
beforeAll(async () => {
  server = await startTestServer({ webhooks: { url: undefined, allowPrivate: true, backoffMs: 100, maxBackoffMs: 1000 } });
});
afterAll(() => server?.close());
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
async function endpoint(url: string): Promise<string> {
  const [row] = await server.db.query<{ id: string }>('insert into webhooks (tenant_id, url, secret) values ($1, $2, $3) returning id', [DEMO_TENANT, url, SECRET]);
  const id = row?.id as string;
  cleanup.push(async () => void (await server.db.query(`update webhooks set status = 'disabled' where id = $1`, [id])));
  return id;
}
const conversation = async (s: Server = server) =>
  (await s.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42', 'agent_7'] } })).body.conversation.id as string;
const send = async (s: Server, conv: string, body: string) => {
  const res = await s.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body } });
  expect(res.status).toBe(201);
  return res.body.message.id as string;
};
/** What a conversation's events were about, in the order the receiver got them. */
const story = (received: Received[], conv: string) =>
  received.filter((r) => r.json.data.conversation_id === conv || r.json.data.id === conv).map((r) => `${r.json.type} ${String(r.json.data.id)}`);

describe('webhook delivery', () => {
  it('gets every event to a receiver that was down for 10 s once it is back, in order, each webhook-id once', async () => {
    const port = await unusedPort();
    const id = await endpoint(`http://127.0.0.1:${port}/hook`);
    const a = await conversation(server);
    const b = await conversation(server);
    const expected: Record<string, string[]> = { [a]: [`conversation.created ${a}`], [b]: [`conversation.created ${b}`] };
    for (let i = 0; i < 5; i++) {
      for (const conv of [a, b]) expected[conv]?.push(`message.created ${await send(server, conv, `message ${i}`)}`);
    }
    const first = (expected[a]?.[1] ?? '').split(' ')[1] as string;
    await server.api(`/v1/conversations/${a}/messages/${first}`, { method: 'PATCH', json: { sender_id: 'u_42', body: 'edited while down' } });
    expected[a]?.push(`message.updated ${first}`);

    // The receiver stays down for 10 s; the heads of both conversations are tried and refused meanwhile.
    await new Promise((r) => setTimeout(r, 10_000));
    const refused = await server.db.query<{ error: string }>('select a.error from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.webhook_id = $1', [
      id,
    ]);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.every((t) => /ECONNREFUSED|connect/.test(t.error))).toBe(true);

    const receiver = await startReceiver(undefined, port);
    cleanup.push(() => receiver.close());
    await waitFor(() => receiver.received.length === 13, 'all 13 events', 30_000);
    await waitFor(
      async () => (await server.db.query(`select 1 from webhook_deliveries where webhook_id = $1 and status <> 'succeeded'`, [id])).length === 0,
      'every delivery succeeded',
    );
    expect(receiver.received).toHaveLength(13);
    expect(new Set(receiver.ids()).size).toBe(13);
    expect(story(receiver.received, a)).toEqual(expected[a]);
    expect(story(receiver.received, b)).toEqual(expected[b]);
  }, 120_000);

  it('never makes a send wait for a receiver that takes 10 s to answer', async () => {
    // The first request is answered 10 s after it arrives (or when the test is over).
    let release: () => void = () => undefined;
    const hold = () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        release = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    const receiver = await startReceiver((_, i) => (i === 0 ? { hold: hold() } : {}));
    cleanup.push(() => receiver.close());
    cleanup.push(async () => release());
    await endpoint(receiver.url);

    const slow = await conversation(server);
    await waitFor(() => receiver.received.length === 1, 'the first delivery to be in flight');
    const sent: string[] = [];
    for (let i = 0; i < 4; i++) {
      sent.push(await send(server, slow, `sent while the receiver is busy ${i}`));
      // Answered 201 while the receiver still holds the first delivery: the send did not wait for it.
      expect(receiver.answered()).toBe(0);
    }
    // Another conversation's events are not held up behind the slow one.
    const other = await conversation(server);
    const otherMessage = await send(server, other, 'another conversation');
    await waitFor(() => story(receiver.received, other).length === 2, "the other conversation's events");
    expect(story(receiver.received, other)).toEqual([`conversation.created ${other}`, `message.created ${otherMessage}`]);
    expect(story(receiver.received, slow)).toEqual([`conversation.created ${slow}`]);

    await waitFor(() => story(receiver.received, slow).length === 5, 'the held conversation, once answered', 30_000);
    expect(story(receiver.received, slow)).toEqual([`conversation.created ${slow}`, ...sent.map((id) => `message.created ${id}`)]);
    expect(new Set(receiver.ids()).size).toBe(receiver.received.length);
  }, 120_000);
});
