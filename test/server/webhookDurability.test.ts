import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres, type TestPostgres } from '../helpers/startPostgres.ts';
import { waitFor } from '../realtime/helpers/waitFor.ts';
import { makeApi, startTestServer, type Api } from './helpers/testServer.ts';
import { startReceiver, type Received } from './helpers/webhookReceiver.ts';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let postgres: TestPostgres;
const cleanup: (() => void)[] = [];
let dataDir: string;
beforeAll(async () => {
  postgres = await startPostgres();
  dataDir = await mkdtemp(join(tmpdir(), 'tinychat-webhooks-'));
});
afterAll(async () => {
  for (const stop of cleanup) stop();
  await postgres?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** `npm run server` in a child process, on the given database, sending webhooks to `url`. */
async function serverProcess(databaseUrl: string, url: string): Promise<{ child: ChildProcess; api: Api }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: databaseUrl,
      TINYCHAT_DATA_DIR: dataDir,
      TINYCHAT_WEBHOOK_URL: url,
      TINYCHAT_WEBHOOK_SECRET: SECRET,
      TINYCHAT_WEBHOOK_ALLOW_PRIVATE: '1',
      TINYCHAT_WEBHOOK_BACKOFF_MS: '100',
      // A try in flight when the process dies holds its delivery until the lease (timeout + 5 s) runs out.
      TINYCHAT_WEBHOOK_TIMEOUT_MS: '1000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /tinychat local server on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server process ended (${code}) before it started:\n${out}`)));
  });
  return { child, api: makeApi(base) };
}

const about = (r: Received) => `${r.json.type} ${String(r.json.data.id)}`;

describe('webhooks on Postgres', () => {
  it('delivers after a restart what a server killed (SIGKILL) between the send and its delivery had not delivered', async () => {
    const databaseUrl = await createDatabase(postgres.url, `webhooks_kill_${process.pid}`);
    let answering = false;
    // Until the restart the receiver takes each request and never answers: the first delivery is in flight.
    const receiver = await startReceiver(() => (answering ? {} : { hold: new Promise(() => undefined) }));
    try {
      const first = await serverProcess(databaseUrl, receiver.url);
      // Killed in any case, also when an expectation below fails first.
      cleanup.push(() => first.child.kill('SIGKILL'));
      const conv = (await first.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42'] } })).body.conversation.id as string;
      const sent: string[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await first.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: `before the crash ${i}` } });
        expect(res.status).toBe(201);
        sent.push(res.body.message.id as string);
      }
      await waitFor(() => receiver.received.length === 1, 'the first delivery in flight', 60_000);
      const inFlight = receiver.ids()[0];
      const exited = new Promise((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGKILL');
      await exited;
      expect(receiver.answered()).toBe(0);

      answering = true;
      const second = await serverProcess(databaseUrl, receiver.url);
      cleanup.push(() => second.child.kill('SIGKILL'));
      try {
        await waitFor(() => receiver.received.length === 5, 'every event after the restart', 60_000);
        const after = receiver.received.slice(1);
        expect(after.map(about)).toEqual([`conversation.created ${conv}`, ...sent.map((id) => `message.created ${id}`)]);
        // The one in flight is sent again with the same webhook-id (at least once); the rest once each.
        expect(after[0]?.headers['webhook-id']).toBe(inFlight);
        expect(new Set(after.map((r) => r.headers['webhook-id'])).size).toBe(4);
      } finally {
        second.child.kill('SIGTERM');
      }
    } finally {
      await receiver.close();
    }
  }, 120_000);

  it('two server processes on one Postgres deliver each event once between them, in order per conversation', async () => {
    const databaseUrl = await createDatabase(postgres.url, `webhooks_two_${process.pid}`);
    const receiver = await startReceiver();
    const settings = { url: receiver.url, secret: SECRET, allowPrivate: true, backoffMs: 100 };
    // createServer twice: each with its own pool, LISTEN connection and worker, as two processes would have.
    const a = await startTestServer({ databaseUrl, webhooks: settings });
    const b = await startTestServer({ databaseUrl, webhooks: settings });
    try {
      const servers = [a, b];
      const convs: string[] = [];
      for (let i = 0; i < 4; i++) {
        convs.push((await servers[i % 2]?.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_42'] } }))?.body.conversation.id);
      }
      const expected = new Map(convs.map((c) => [c, [`conversation.created ${c}`]]));
      // Sends through both processes at once, each conversation's in sequence.
      await Promise.all(
        convs.map(async (conv, c) => {
          for (let i = 0; i < 10; i++) {
            const s = servers[(c + i) % 2];
            const res = await s?.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_42', body: `message ${i}` } });
            expected.get(conv)?.push(`message.created ${res?.body.message.id}`);
          }
        }),
      );
      await waitFor(async () => (await a.db.query(`select 1 from webhook_deliveries where status <> 'succeeded'`)).length === 0, 'every delivery', 60_000);
      expect(receiver.received).toHaveLength(44);
      expect(new Set(receiver.ids()).size).toBe(44);
      for (const conv of convs) {
        expect(receiver.received.filter((r) => r.json.data.conversation_id === conv || r.json.data.id === conv).map(about)).toEqual(expected.get(conv));
      }
      const [tries] = await a.db.query<{ n: number }>('select count(*)::int as n from webhook_attempts');
      expect(tries?.n).toBe(44);
    } finally {
      await a.close();
      await b.close();
      await receiver.close();
    }
  }, 120_000);
});
