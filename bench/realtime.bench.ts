import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { percentile, writeSection } from './writeSection.ts';

// Realtime fan-out: one-way latency from the REST POST that sends a message to each subscriber's callback,
// and server memory per idle connection. Separate processes, so neither side's work is counted as the other's:
// - the server (createServer, PGlite in memory), alone in its process so its memory figures are its own;
// - the subscribers (two processes): lightweight raw `ws` clients speaking the vsn 2.0.0 protocol (join, heartbeat, kind 4
//   decode), since 1,000 supabase-js clients would measure supabase-js more than the server;
// - this process, which POSTs the messages and reads the clocks.
// Times come from process.hrtime (CLOCK_MONOTONIC), which all processes on one machine share.
const ROLE = process.env.REALTIME_BENCH_ROLE;
const KEY = 'pk_test_demo';
const ANON = 'rt_anon_demo';
const MESSAGES = 300;
const WARMUP = 20;
const SUBSCRIBER_PROCESSES = 2;
const ROUNDS = 3;

type ToServer = { type: 'memory' } | { type: 'stamps' };
type FromServer = { type: 'ready'; url: string } | { type: 'memory'; heapUsed: number; rss: number; connections: number } | { type: 'stamps'; stamps: [number, number, number][] };
/** `sockets`: one channel name per socket to open (a name repeats for several subscribers on one channel). */
type ToSubs = { type: 'open'; url: string; sockets: string[] } | { type: 'closeAll' } | { type: 'report' };
type FromSubs = { type: 'opened' } | { type: 'closed' } | { type: 'delivered'; seq: number } | { type: 'report'; arrivals: [number, number][] };

const now = () => Number(process.hrtime.bigint()) / 1e6;

// ---- server process -------------------------------------------------------------------------------------
async function serverRole(): Promise<void> {
  const { createServer } = await import('../server/createServer.ts');
  const { RealtimeHub } = await import('../server/realtime/RealtimeHub.ts');
  // Instrumentation, bench only: when the REST handler hands each message to realtime, so the fan-out can be
  // told apart from the insert before it.
  const stamps: [seq: number, start: number, end: number][] = [];
  const original = RealtimeHub.prototype.broadcast;
  RealtimeHub.prototype.broadcast = function (this: InstanceType<typeof RealtimeHub>, topic, event, payload) {
    const body = (payload as { message?: { body?: unknown } }).message?.body;
    const start = now();
    original.call(this, topic, event, payload);
    // The loop has written the frame to every socket by now (writes are synchronous up to the kernel).
    if (typeof body === 'string' && body.startsWith('bench ')) stamps.push([Number(body.slice(6)), start, now()]);
  };
  const server = await createServer({ port: 0, memory: true });
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (m: ToServer) => {
    if (m.type === 'stamps') return send<FromServer>({ type: 'stamps', stamps: stamps.splice(0) });
    // Twice: the first pass can leave garbage that only the second frees (weak refs, finalizers).
    gc?.();
    gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    send<FromServer>({ type: 'memory', heapUsed, rss, connections: server.realtimeStats().connections });
  });
  send<FromServer>({ type: 'ready', url: server.url });
}

// ---- subscriber process ---------------------------------------------------------------------------------
async function subscribersRole(): Promise<void> {
  let sockets: WebSocket[] = [];
  let heartbeats: NodeJS.Timeout | undefined;
  const expected = new Map<string, number>(); // topic → subscribers on it
  const counts = new Map<number, number>();
  const arrivals: [number, number][] = [];
  const onFrame = (data: Buffer) => {
    const at = now();
    // Kind 4: [4][topicLen][eventLen][metaLen][encoding] topic event meta payload
    if (data[0] !== 4) return;
    const topicLen = data[1] as number;
    const eventLen = data[2] as number;
    const start = 5 + topicLen + eventLen + (data[3] as number);
    const topic = data.toString('utf8', 5 + 9, 5 + topicLen);
    const payload = JSON.parse(data.toString('utf8', start)) as { message?: { body?: string } };
    const seq = Number(payload.message?.body?.split(' ')[1]);
    arrivals.push([seq, at]);
    const n = (counts.get(seq) ?? 0) + 1;
    counts.set(seq, n);
    if (n === expected.get(topic)) send<FromSubs>({ type: 'delivered', seq });
  };
  const open = (url: string, topic: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/realtime/v1/websocket?apikey=${ANON}&vsn=2.0.0`, { perMessageDeflate: false });
      ws.once('error', reject);
      ws.once('open', () => ws.send(JSON.stringify(['1', '1', `realtime:${topic}`, 'phx_join', { config: { broadcast: { self: false, ack: false } } }])));
      ws.on('message', (data: Buffer, binary: boolean) => {
        if (binary) return onFrame(data);
        const [, ref, , event] = JSON.parse(data.toString()) as [unknown, string, string, string];
        if (ref === '1' && event === 'phx_reply') resolve(ws);
      });
    });
  process.on('message', async (m: ToSubs) => {
    if (m.type === 'open') {
      for (const t of m.sockets) expected.set(t, (expected.get(t) ?? 0) + 1);
      const wanted = m.sockets;
      for (let i = 0; i < wanted.length; i += 50) sockets.push(...(await Promise.all(wanted.slice(i, i + 50).map((t) => open(m.url, t)))));
      // Heartbeats as the real client sends them (every 25 s), so the server's 60 s timeout never fires.
      heartbeats = setInterval(() => sockets.forEach((ws, i) => ws.send(JSON.stringify([null, `h${i}`, 'phoenix', 'heartbeat', {}]))), 25_000);
      send<FromSubs>({ type: 'opened' });
    } else if (m.type === 'closeAll') {
      clearInterval(heartbeats);
      await Promise.all(sockets.map((ws) => new Promise((r) => (ws.once('close', r), ws.close()))));
      sockets = [];
      expected.clear();
      counts.clear();
      send<FromSubs>({ type: 'closed' });
    } else if (m.type === 'report') {
      send<FromSubs>({ type: 'report', arrivals: arrivals.splice(0) });
    }
  });
}

function send<T>(m: T): void {
  process.send?.(m);
}

// ---- the bench ------------------------------------------------------------------------------------------
function child(role: string): ChildProcess {
  return fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, REALTIME_BENCH_ROLE: role },
    serialization: 'advanced',
  });
}

function next<T extends { type: string }>(proc: ChildProcess, type: T['type'], match: (m: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: T) => {
      if (m.type === type && match(m)) {
        proc.off('message', on);
        resolve(m);
      }
    };
    proc.on('message', on);
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bench reads loosely
async function api(url: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(url + path, { method: 'POST', headers: { 'x-tinychat-api-key': KEY, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.json();
}

interface Scenario {
  name: string;
  channels: number;
  perChannel: number;
}

/**
 * The subscribers, spread over SUBSCRIBER_PROCESSES processes (as real subscribers sit on many machines, and
 * one process decoding 1,000 frames in a row would add its own queue to the last one's figure).
 */
class SubscriberPool {
  private readonly procs = Array.from({ length: SUBSCRIBER_PROCESSES }, () => child('subscribers'));
  /** Per process, the channels it has subscribers on. */
  private topics: Set<string>[] = [];

  async open(url: string, sockets: string[]): Promise<void> {
    const shares = this.procs.map((_, k) => sockets.filter((_, i) => i % this.procs.length === k));
    this.topics = shares.map((share) => new Set(share));
    await Promise.all(
      this.procs.map((p, k) => {
        const opened = next<FromSubs>(p, 'opened');
        p.send({ type: 'open', url, sockets: shares[k] as string[] } satisfies ToSubs);
        return opened;
      }),
    );
  }

  /** Resolves when every subscriber of `topic` has message `seq`. */
  delivered(topic: string, seq: number): Promise<unknown> {
    return Promise.all(this.procs.filter((_, k) => this.topics[k]?.has(topic)).map((p) => next<Extract<FromSubs, { type: 'delivered' }>>(p, 'delivered', (m) => m.seq === seq)));
  }

  async arrivals(): Promise<[number, number][]> {
    const reports = await Promise.all(
      this.procs.map((p) => {
        const reported = next<Extract<FromSubs, { type: 'report' }>>(p, 'report');
        p.send({ type: 'report' } satisfies ToSubs);
        return reported;
      }),
    );
    return reports.flatMap((r) => r.arrivals);
  }

  async closeAll(): Promise<void> {
    await Promise.all(
      this.procs.map((p) => {
        const closed = next<FromSubs>(p, 'closed');
        p.send({ type: 'closeAll' } satisfies ToSubs);
        return closed;
      }),
    );
  }

  kill(): void {
    this.procs.forEach((p) => p.kill());
  }
}

async function latency(server: string, serverProc: ChildProcess, subs: SubscriberPool, convs: string[], s: Scenario, seqBase: number) {
  const topics = convs.slice(0, s.channels).map((c) => `conv:${c}`);
  await subs.open(
    server,
    topics.flatMap((t) => Array<string>(s.perChannel).fill(t)),
  );
  const sentAt = new Map<number, number>();
  for (let i = 0; i < WARMUP + MESSAGES; i++) {
    const seq = seqBase + i;
    const conv = convs[i % s.channels] as string;
    const delivered = subs.delivered(`conv:${conv}`, seq);
    const t0 = now();
    await api(server, `/v1/conversations/${conv}/messages`, { sender_id: 'u_bench', body: `bench ${seq}` });
    if (i >= WARMUP) sentAt.set(seq, t0);
    // One message at a time: each figure is one message's trip, not a queue behind the previous one.
    await delivered;
  }
  const arrivals = (await subs.arrivals()).filter(([seq]) => sentAt.has(seq));
  const times = arrivals.map(([seq, at]) => at - (sentAt.get(seq) as number));
  const stamped = next<Extract<FromServer, { type: 'stamps' }>>(serverProc, 'stamps');
  serverProc.send({ type: 'stamps' } satisfies ToServer);
  const stamps = (await stamped).stamps.filter(([seq]) => sentAt.has(seq));
  const handedAt = new Map(stamps.map(([seq, start]) => [seq, start]));
  const fanOut = arrivals.map(([seq, at]) => at - (handedAt.get(seq) as number));
  await subs.closeAll();
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.reduce((a, b) => Math.max(a, b), 0),
    fanP50: percentile(fanOut, 50),
    fanP99: percentile(fanOut, 99),
    loopP50: percentile(
      stamps.map(([, start, end]) => end - start),
      50,
    ),
    deliveries: times.length,
  };
}

async function memory(server: ChildProcess) {
  const m = next<Extract<FromServer, { type: 'memory' }>>(server, 'memory');
  server.send({ type: 'memory' } satisfies ToServer);
  return m;
}

export default async function (): Promise<void> {
  const load = { start: loadavg()[0] ?? 0, end: 0 };
  const server = child('server');
  const subs = new SubscriberPool();
  try {
    const { url } = await next<Extract<FromServer, { type: 'ready' }>>(server, 'ready');
    const convs: string[] = [];
    for (let i = 0; i < 1000; i++) convs.push((await api(url, '/v1/conversations', { kind: 'support', participants: ['u_bench'] })).conversation.id);

    // Memory first, on a server that has served the REST calls above but no socket yet.
    const IDLE = 1000;
    const before = await memory(server);
    await subs.open(
      url,
      convs.slice(0, IDLE).map((c) => `conv:${c}`),
    );
    const after = await memory(server);
    await subs.closeAll();
    const heapPer = (after.heapUsed - before.heapUsed) / IDLE / 1024;
    const rssPer = (after.rss - before.rss) / IDLE / 1024;
    console.log(`idle connections: ${after.connections}; heap ${heapPer.toFixed(1)} KB, rss ${rssPer.toFixed(1)} KB per connection`);

    const scenarios: Scenario[] = [
      { name: '1 subscriber on 1 channel', channels: 1, perChannel: 1 },
      { name: '100 subscribers on 1 channel', channels: 1, perChannel: 100 },
      { name: '1,000 subscribers on 1 channel', channels: 1, perChannel: 1000 },
      { name: '1,000 channels of 1 subscriber (messages round-robin)', channels: 1000, perChannel: 1 },
    ];
    // Every scenario ROUNDS times, the rounds interleaved, and the median round reported: the other engineers'
    // bursts on this shared machine then move one round, not the figure.
    const runs = scenarios.map(() => [] as Awaited<ReturnType<typeof latency>>[]);
    let seqBase = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, s] of scenarios.entries()) {
        const r = await latency(url, server, subs, convs, s, seqBase);
        seqBase += 10_000;
        runs[i]?.push(r);
        console.log(`round ${round + 1}: ${s.name}: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`);
      }
    }
    const rows = scenarios.map((s, i) => {
      const byP99 = [...(runs[i] ?? [])].sort((x, y) => x.p99 - y.p99);
      const r = byP99[Math.floor(byP99.length / 2)] as (typeof byP99)[number];
      const spread = `${(byP99[0] as typeof r).p99.toFixed(1)}–${(byP99.at(-1) as typeof r).p99.toFixed(1)} ms`;
      return `| ${s.name} | ${r.p50.toFixed(2)} ms | **${r.p99.toFixed(2)} ms** | ${spread} | ${r.max.toFixed(1)} ms | ${r.fanP50.toFixed(2)} ms | ${r.fanP99.toFixed(2)} ms | ${r.loopP50.toFixed(2)} ms | ${r.deliveries} |`;
    });
    console.log(rows.join('\n'));

    load.end = loadavg()[0] ?? 0;
    await writeSection(
      'realtime',
      `## Realtime (\`bench/realtime.bench.ts\`)

One-way latency from the \`POST /v1/conversations/:id/messages\` that sends a message (clock read just before
\`fetch\`) to each subscriber's frame handler, over loopback. Separate processes: the server (\`createServer\`, PGlite
in memory, so the figure includes the insert), the subscribers, and the sender. Subscribers are lightweight raw \`ws\`
clients speaking the vsn 2.0.0 protocol (join, heartbeat, kind 4 frames decoded and their JSON parsed), not
supabase-js: 1,000 supabase-js clients in one process would measure the client library more than the server.
One message at a time (the next is sent when every subscriber has the previous one), ${MESSAGES} measured after ${WARMUP}
warm-up; percentiles are over every (message, subscriber) delivery. Each scenario runs ${ROUNDS} times (rounds
interleaved); the table shows the round with the median p99, and the p99 of every round. The subscribers are spread over
${SUBSCRIBER_PROCESSES} processes, so with 1,000 on a channel the last one's figure also holds the time its process spends
decoding the ~${1000 / SUBSCRIBER_PROCESSES - 1} frames before it (real subscribers sit on many machines).
"Server loop" is how long the server's fan-out takes to write the frame to every socket of the channel.
"Broadcast → callback" starts when the REST handler hands the committed message to realtime (stamped in the server
process by wrapping \`RealtimeHub.prototype.broadcast\`, bench only): that part is realtime's own; the rest of
"POST → callback" is HTTP and the PGlite insert (compare the REST section's send p50). Load average (1 min) of the
shared machine during the run: ${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end.

| scenario | POST → callback p50 | p99 | p99 of each round | max | broadcast → callback p50 | p99 | server loop p50 | deliveries |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Memory per idle connection (each joined to its own conversation channel, heartbeating), the server alone in its
process, after two forced GCs, ${IDLE} connections: **${heapPer.toFixed(1)} KB** of JS heap and **${rssPer.toFixed(1)} KB** of RSS
(which includes the heap, but moves by a few KB either way between runs as the allocator reuses pages). Targets: p99
≤ 25 ms with 1,000 subscribers; ≤ 20 KB of server memory per idle connection.

Reading: the p99 column follows the shared machine's load more than the server: runs at a load average near 7 (other
engineers' browser tests) gave a 1,000-subscriber p99 of 40-70 ms and even a 1-subscriber p99 of 35-65 ms, while the
p50s moved far less. A CPU profile of the server process during the 1,000-subscriber case showed the fan-out loop is
mostly the kernel: about 70% of it is the write system call, one per socket (on loopback the sender's call also does
the receiving side's TCP work), and the JavaScript around it is about 1 µs a socket. Framing each broadcast once
(\`wsFrame\`) and writing the same bytes to every socket, instead of \`ws.send\` framing it per socket, cut the loop by about
a third in a microbenchmark (1,000 sockets: 7.7 → 5.4 ms p50 under load). Beyond that the per-socket system call is the
floor; more cores (several server processes on one Postgres) is what would shorten it further.`,
    );
  } finally {
    server.kill();
    subs.kill();
  }
}

if (ROLE === 'server') await serverRole();
else if (ROLE === 'subscribers') await subscribersRole();
