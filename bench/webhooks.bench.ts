import { loadavg } from 'node:os';
import { createServer, type RunningServer } from '../server/createServer.ts';
import { WEBHOOK_CHANNEL } from '../server/webhooks/recordWebhookEvent.ts';
import { createDatabase, startPostgres, type TestPostgres } from '../test/helpers/startPostgres.ts';
import { startReceiver, unusedPort } from '../test/server/helpers/webhookReceiver.ts';
import { percentile, writeSection } from './writeSection.ts';

// Outbound webhooks: what an endpoint costs a send (latency with and without one, the receiver answering at once),
// and how fast a backlog drains (deliveries per second once a receiver that was down is back).
process.env.TINYCHAT_LIMITS = 'off';
const KEY = 'pk_test_demo';
const TENANT = '11111111-2222-3333-4444-555555555555';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const headers = { 'x-tinychat-api-key': KEY, 'content-type': 'application/json' };

async function post(url: string, body: unknown): Promise<{ id: string }> {
  // A kept-alive socket the server has just closed resets the next request on it: try that once more.
  const once = () => fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const res = await once().catch(once);
  const json = (await res.json()) as { conversation?: { id: string }; message?: { id: string } };
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(json)}`);
  return (json.conversation ?? json.message) as { id: string };
}
const conversation = (base: string) => post(`${base}/v1/conversations`, { kind: 'support', participants: ['u_bench'] });

/** `clients` loops of `rounds` sends, each client in its own conversation; each send's milliseconds. */
async function sends(base: string, clients: number, rounds: number): Promise<number[]> {
  const convs = await Promise.all(Array.from({ length: clients }, () => conversation(base)));
  const times: number[] = [];
  await Promise.all(
    convs.map(async (c, i) => {
      for (let r = 0; r < rounds; r++) {
        const t = performance.now();
        await post(`${base}/v1/conversations/${c.id}/messages`, { sender_id: `u_${i}`, body: `message ${r}` });
        times.push(performance.now() - t);
      }
    }),
  );
  return times;
}

/** Waits until the receiver has `n` requests (watching the receiver, not the database, which PGlite shares with the worker). */
async function received(receiver: { received: unknown[] }, n: number) {
  while (receiver.received.length < n) await new Promise((r) => setTimeout(r, 10));
}

/** Sends `total` messages into `chains` conversations while the receiver is down, then times the drain once it is up. */
async function drain(server: RunningServer, chains: number, total: number): Promise<number> {
  const port = await unusedPort();
  const [endpoint] = await server.db.query<{ id: string }>('insert into webhooks (tenant_id, url, secret) values ($1, $2, $3) returning id', [
    TENANT,
    `http://127.0.0.1:${port}/hook`,
    SECRET,
  ]);
  await sends(server.url, chains, total / chains);
  // Let the refused first tries finish (they put their deliveries an hour off) before the backlog is let go.
  const held = () => server.db.query(`select 1 from webhook_deliveries where lease_until is not null and status = 'pending'`);
  while ((await held()).length > 0) await new Promise((r) => setTimeout(r, 50));
  await server.db.query(`update webhook_deliveries set next_attempt_at = now() where status = 'pending' and webhook_id = $1`, [endpoint?.id]);
  const receiver = await startReceiver(undefined, port);
  const started = performance.now();
  await server.db.notify(WEBHOOK_CHANNEL, '');
  await received(receiver, chains + total);
  const seconds = (performance.now() - started) / 1000;
  await receiver.close();
  await server.db.query(`update webhooks set status = 'disabled' where id = $1`, [endpoint?.id]);
  return (chains + total) / seconds;
}

export default async function (): Promise<void> {
  const latency: string[] = [];
  const throughput: string[] = [];
  let pg: TestPostgres | undefined;
  try {
    pg = await startPostgres();
    for (const backend of ['pglite', 'postgres'] as const) {
      const databaseUrl = backend === 'postgres' ? await createDatabase(pg.url, 'webhooks_bench') : undefined;
      // No endpoint from the environment; retries an hour apart, so a backlog waits until the bench lets it go.
      const server = await createServer({ port: 0, memory: true, databaseUrl, webhooks: { url: undefined, allowPrivate: true, backoffMs: 3_600_000 } });
      try {
        for (const clients of [1, 20]) {
          const rounds = clients === 1 ? 200 : 10;
          const without = await sends(server.url, clients, rounds);
          const receiver = await startReceiver();
          const [endpoint] = await server.db.query<{ id: string }>('insert into webhooks (tenant_id, url, secret) values ($1, $2, $3) returning id', [
            TENANT,
            receiver.url,
            SECRET,
          ]);
          const withOne = await sends(server.url, clients, rounds);
          await received(receiver, clients + clients * rounds);
          await server.db.query(`update webhooks set status = 'disabled' where id = $1`, [endpoint?.id]);
          await receiver.close();
          const row = (name: string, t: number[]) =>
            `| ${backend} | ${clients} | ${name} | ${percentile(t, 50).toFixed(1)} ms | ${percentile(t, 99).toFixed(1)} ms | ${t.length} |`;
          latency.push(row('none', without), row('one, answering 204', withOne));
          console.log(latency.slice(-2).join('\n'));
        }
        for (const [chains, total] of [
          [50, 500],
          [1, 200],
        ] as const) {
          const perSecond = await drain(server, chains, total);
          throughput.push(`| ${backend} | ${chains} | ${chains + total} | ${perSecond.toFixed(0)} |`);
          console.log(throughput.at(-1));
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await pg?.stop();
  }
  await writeSection(
    'webhooks',
    `## Outbound webhooks (\`bench/webhooks.bench.ts\`)

\`createServer()\` on loopback, the bench's clients and a Node receiver (answers 204 at once) in the same process.
A send is \`POST /v1/conversations/:id/messages\`; with an endpoint its transaction also writes the event and its
delivery (the outbox) and NOTIFYs the worker, which signs and sends it after the commit, beside the next sends.
Postgres is a throwaway local 15 cluster with \`fsync=off\`. The machine was shared with other engineers' work
(1-minute load average ${loadavg()[0]?.toFixed(1)} on 2 cores when the section was written), so compare rows of one run, not runs.

Send latency, each client in its own conversation:

| backend | concurrent clients | endpoint | send p50 | send p99 | sends |
|---|---|---|---|---|---|
${latency.join('\n')}

Deliveries per second: events written while the receiver was down (a conversation's created event and its
messages), drained once it is back. One worker, at most 16 deliveries in flight, one at a time per conversation
(order is kept per conversation), so one busy conversation drains at the pace of one round trip plus two statements.

| backend | conversations | deliveries | deliveries/s |
|---|---|---|---|
${throughput.join('\n')}`,
  );
}
