import { createServer, type RunningServer } from '../server/createServer.ts';
import { createDatabase, startPostgres, type TestPostgres } from '../test/helpers/startPostgres.ts';
import { percentile, writeSection } from './writeSection.ts';

// REST throughput and latency over loopback: messages sent per second, and the latency of a 50-message history
// page, on embedded PGlite and on a real Postgres 15, with 1 client and with 50 concurrent clients.
const KEY = 'pk_test_demo';
const SENDS_PER_CLIENT = { 1: 400, 50: 16 } as const;
const PAGES_PER_CLIENT = { 1: 300, 50: 12 } as const;
const HISTORY_SIZE = 1000;

const headers = { 'x-tinychat-api-key': KEY, 'content-type': 'application/json' };

async function call(url: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, { ...init, headers });
  const body = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function newConversation(base: string): Promise<string> {
  const body = (await call(`${base}/v1/conversations`, { method: 'POST', body: JSON.stringify({ kind: 'support', participants: ['u_bench'] }) })) as {
    conversation: { id: string };
  };
  return body.conversation.id;
}

/** Runs `clients` loops at once; each does `rounds` calls of `step`; returns each call's milliseconds and the wall time. */
async function load(clients: number, rounds: number, step: (client: number, round: number) => Promise<unknown>) {
  const times: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let round = 0; round < rounds; round++) {
        const t = performance.now();
        await step(client, round);
        times.push(performance.now() - t);
      }
    }),
  );
  return { times, seconds: (performance.now() - start) / 1000 };
}

async function measure(server: RunningServer, clients: 1 | 50, oneConversation: boolean) {
  const base = server.url;
  const convs = oneConversation ? Array(clients).fill(await newConversation(base)) : await Promise.all(Array.from({ length: clients }, () => newConversation(base)));
  const sends = await load(clients, SENDS_PER_CLIENT[clients], (c, r) =>
    call(`${base}/v1/conversations/${convs[c]}/messages`, { method: 'POST', body: JSON.stringify({ sender_id: `u_${c}`, body: `message ${r} from ${c}` }) }),
  );
  // A long thread to page through, inserted in one statement (its sending is not what is measured here).
  const thread = await newConversation(base);
  await server.db.query(
    `insert into messages (id, conversation_id, sender_id, body, created_at)
     select 'm_hist_' || $1 || '_' || i, $1, 'u_bench', 'history message ' || i, now() - (${HISTORY_SIZE} - i) * interval '1 millisecond'
     from generate_series(1, ${HISTORY_SIZE}) i`,
    [thread],
  );
  const cursors = ((await call(`${base}/v1/conversations/${thread}/messages?limit=200`)) as { messages: { created_at: string }[] }).messages.map((m) => m.created_at);
  const pages = await load(clients, PAGES_PER_CLIENT[clients], (c, r) => {
    const before = cursors[(c * 7 + r * 13) % cursors.length] as string;
    return call(`${base}/v1/conversations/${thread}/messages?limit=50&before=${encodeURIComponent(before)}`);
  });
  return {
    sendsPerSecond: sends.times.length / sends.seconds,
    sendP50: percentile(sends.times, 50),
    p50: percentile(pages.times, 50),
    p99: percentile(pages.times, 99),
    pages: pages.times.length,
    sends: sends.times.length,
  };
}

export default async function (): Promise<void> {
  const rows: string[] = [];
  let pg: TestPostgres | undefined;
  try {
    pg = await startPostgres();
    for (const backend of ['pglite', 'postgres'] as const) {
      const databaseUrl = backend === 'postgres' ? await createDatabase(pg.url, 'rest_bench') : undefined;
      const server = await createServer({ port: 0, memory: true, databaseUrl });
      try {
        for (const [clients, one] of [
          [1, true],
          [50, false],
          [50, true],
        ] as const) {
          const r = await measure(server, clients, one);
          const where = clients === 1 ? '1 conversation' : one ? 'all in 1 conversation' : 'each its own conversation';
          rows.push(
            `| ${backend} | ${clients} (${where}) | ${r.sendsPerSecond.toFixed(0)} | ${r.sendP50.toFixed(1)} ms | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.sends} / ${r.pages} |`,
          );
          console.log(rows.at(-1));
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await pg?.stop();
  }
  await writeSection(
    'rest',
    `## REST API (\`bench/rest.bench.ts\`)

Real HTTP over loopback to \`createServer()\` (Node \`fetch\`, keep-alive), the bench's clients in the same process as the
server. A send is \`POST /v1/conversations/:id/messages\` (a transaction that locks the conversation row, so sends to one
conversation queue behind each other). A history page is \`GET …/messages?limit=50&before=<cursor>\` on a 1,000-message
thread, cursors spread over the newest 200. Postgres is a throwaway local 15 cluster with \`fsync=off\`.

| backend | concurrent clients | sends/s | send p50 | history page p50 | history page p99 | sends / pages measured |
|---|---|---|---|---|---|---|
${rows.join('\n')}

With 50 clients each request waits behind the others, so per-request latency is roughly the queue (50) times the
service time; throughput is the figure to compare. PGlite runs its WASM Postgres on the server's own event loop, one
statement at a time, which is why its 50-client latencies spread wider than the Postgres server's.`,
  );
}
