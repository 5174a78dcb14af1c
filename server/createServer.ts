import { mkdir, mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { compatFromEnv, extensionsOn, type Compat } from './compat/Compat.ts';
import type { Db } from './db/Db.ts';
import { migrate } from './db/migrate.ts';
import { openPglite } from './db/openPglite.ts';
import { openPostgres } from './db/openPostgres.ts';
import { demo, seed } from './db/seed.ts';
import { createApp, type AppDeps } from './http/createApp.ts';
import { demoTokenRoutes } from './identity/demoTokenRoutes.ts';
import { createRealtime, type RealtimeStats } from './realtime/createRealtime.ts';
import type { RealtimeSettings } from './realtime/RealtimeSettings.ts';
import { startWebhooks } from './webhooks/startWebhooks.ts';
import type { WebhookSettings } from './webhooks/WebhookSettings.ts';

export interface ServerOptions {
  /** @defaultValue 8787; 0 picks a free port */
  port?: number;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** A Postgres URL (`DATABASE_URL`); without it the server runs embedded PGlite. */
  databaseUrl?: string;
  /** Where PGlite's files and uploads are kept. @defaultValue '.data' */
  dataDir?: string;
  /** Throwaway in-memory PGlite and a temporary uploads folder (tests, benchmarks). */
  memory?: boolean;
  /** Public base URL given out in `/v1/config` and upload URLs; else taken from each request's host. */
  publicUrl?: string;
  /** Agent settings over the environment's (`TINYCHAT_AGENT_TOKEN_MS`, `TINYCHAT_LLM_*`). */
  agent?: AppDeps['agent'];
  /** Health settings over the environment's (`TINYCHAT_HEALTH_*`). */
  health?: AppDeps['health'];
  /** Where REST changes are broadcast (tests pass a recording one). @defaultValue this server's realtime endpoint */
  realtime?: AppDeps['realtime'];
  /** Realtime limits over the defaults (heartbeat timeout, send buffer bound, payload size, channels, events). */
  realtimeSettings?: Partial<RealtimeSettings>;
  /** `hosted`: exactly the hosted seed's surface, none of our extensions. @defaultValue `TINYCHAT_COMPAT`, else 'default' */
  compat?: Compat;
  /**
   * Signed identity (user tokens): an extension, always off in hosted mode.
   * @defaultValue true
   */
  identity?: boolean;
  /** REST write and wrong-key limits over the environment's (`TINYCHAT_LIMITS`, `TINYCHAT_LIMIT_*`). */
  limits?: AppDeps['limits'];
  /**
   * Serves `GET /demo/user-token`, which mints the demo pages' user tokens: only for `npm run demo`, never on a
   * server anyone else can reach. @defaultValue false
   */
  demoTokens?: boolean;
  /** Webhook settings over the environment's (`TINYCHAT_WEBHOOK_*`); `url` is the demo tenant's endpoint. */
  webhooks?: Partial<WebhookSettings>;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  /** The mode it runs in. */
  compat: Compat;
  db: Db;
  /** Counters of the realtime endpoint (`/realtime/v1/websocket`). */
  realtimeStats(): RealtimeStats;
  close(): Promise<void>;
}

/** Opens the database, migrates and seeds it, and starts the HTTP server. */
export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  // Read before anything opens, so a mistyped TINYCHAT_COMPAT stops the start with its own sentence.
  const compat = options.compat ?? compatFromEnv(process.env);
  const dataDir = options.memory ? await mkdtemp(join(tmpdir(), 'tinychat-')) : (options.dataDir ?? '.data');
  const uploadsDir = join(dataDir, 'uploads');
  await mkdir(uploadsDir, { recursive: true });
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.memory ? undefined : join(dataDir, 'pglite'));
  await migrate(db);
  await seed(db);
  const webhooks = await startWebhooks(db, demo.tenant.id, options.webhooks).catch(async (err: unknown) => {
    await db.close();
    throw err;
  });

  const publicUrl = (requestUrl: string) => options.publicUrl?.replace(/\/$/, '') ?? new URL(requestUrl).origin;
  const identity = extensionsOn(compat) && (options.identity ?? true);
  const realtime = await createRealtime(db, options.realtimeSettings, { identity });
  const app = createApp(
    { db, realtime: options.realtime ?? realtime.hub, uploadsDir, publicUrl, agent: options.agent, health: options.health, compat, identity, limits: options.limits },
    (root) => {
      root.route('/realtime/v1', realtime.routes);
      if (options.demoTokens && identity) root.route('/', demoTokenRoutes());
    },
  );
  const server = createAdaptorServer({ fetch: app.fetch });
  realtime.attach(server as Server);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    compat,
    db,
    realtimeStats: realtime.stats,
    close: async () => {
      await webhooks.stop();
      await realtime.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and upgraded sockets would hold close() open forever.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await db.close();
    },
  };
}
