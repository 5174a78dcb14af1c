import { afterAll, beforeAll, describe } from 'vitest';
import { createDatabase, startPostgres, type TestPostgres } from '../../helpers/startPostgres.ts';
import { recordingBroadcaster, type Broadcast } from './recordingBroadcaster.ts';
import { startTestServer } from './testServer.ts';

/** A running server on one backend, with what it broadcast and a helper that makes a conversation. */
export interface RestContext {
  backend: 'pglite' | 'postgres';
  server: Awaited<ReturnType<typeof startTestServer>>;
  sent: Broadcast[];
  /** Creates a conversation in the demo tenant and returns its id. */
  conversation(participants?: string[], key?: string): Promise<string>;
}

let databases = 0;

/**
 * Declares the same tests once on embedded PGlite and once on a real Postgres 15 (a throwaway cluster per
 * describe, so each test file has its own cluster and database).
 * @param body - declares tests; `ctx()` gives the running server inside them
 */
export function describeOnBackends(title: string, body: (ctx: () => RestContext) => void): void {
  describe.each(['pglite', 'postgres'] as const)(`${title} on %s`, (backend) => {
    let ctx: RestContext | undefined;
    let pg: TestPostgres | undefined;
    beforeAll(async () => {
      let databaseUrl: string | undefined;
      if (backend === 'postgres') {
        pg = await startPostgres();
        databaseUrl = await createDatabase(pg.url, `rest_${process.pid}_${++databases}`);
      }
      const broadcaster = recordingBroadcaster();
      // These files throw thousands of requests from one address to check answers, not abuse: for the write
      // limits they are a load test (TINYCHAT_LIMITS=off); test/server/limits.test.ts checks the limits.
      const server = await startTestServer({ databaseUrl, realtime: broadcaster, limits: { restWrites: false } });
      ctx = {
        backend,
        server,
        sent: broadcaster.sent,
        conversation: async (participants = ['u_42', 'agent_7'], key) => {
          const res = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants }, key });
          if (res.status !== 201) throw new Error(`could not create a conversation: ${JSON.stringify(res.body)}`);
          return res.body.conversation.id as string;
        },
      };
    });
    afterAll(async () => {
      await ctx?.server.close();
      await pg?.stop();
    });
    body(() => {
      if (ctx === undefined) throw new Error('server not started');
      return ctx;
    });
  });
}
