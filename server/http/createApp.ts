import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { createAgentParts } from '../agent/createAgentParts.ts';
import type { Compat } from '../compat/Compat.ts';
import { compatContext } from '../compat/compatContext.ts';
import type { AgentSettings } from '../agent/AgentSettings.ts';
import type { Db } from '../db/Db.ts';
import type { AgentHealth } from '../health/HealthMonitor.ts';
import type { HealthSettings } from '../health/HealthSettings.ts';
import type { Broadcaster } from '../realtime/Broadcaster.ts';
import { identityAuth, USER_TOKEN_HEADER } from '../identity/identityAuth.ts';
import { limitSettingsFromEnv, type LimitSettings } from '../limits/LimitSettings.ts';
import { restWriteLimits } from '../limits/restWriteLimits.ts';
import { ApiError } from './ApiError.ts';
import { internalError } from './internalError.ts';
import { configRoutes } from './routes/config.ts';
import { conversationsRoutes } from './routes/conversations.ts';
import { messagesRoutes } from './routes/messages.ts';
import { readsRoutes } from './routes/reads.ts';
import { typingRoutes } from './routes/typing.ts';
import { TOO_LARGE, uploadRoutes } from './routes/upload.ts';
import { usersRoutes } from './routes/users.ts';
import { storageRoutes } from '../storage/storageRoutes.ts';
import { staticRoutes } from './routes/static.ts';
import { deliveriesRoutes } from '../webhooks/deliveriesRoutes.ts';
import { tenantAuth, type TenantEnv } from './tenantAuth.ts';

export interface AppDeps {
  db: Db;
  realtime: Broadcaster;
  /** Folder where uploaded files are kept. */
  uploadsDir: string;
  /** The server's public base URL for a request (config's `supabase_url`, upload URLs). */
  publicUrl: (requestUrl: string) => string;
  /** Overrides of the agent settings read from the environment (tests: no token pacing, a local upstream). */
  agent?: Partial<AgentSettings>;
  /** Overrides of the health settings read from the environment. */
  health?: Partial<HealthSettings>;
  /** The agent's health for `/v1/config`; createApp fills it in from the agent side. */
  agentHealth?: () => Promise<AgentHealth>;
  /**
   * Signed identity (user tokens, our extension); always off in hosted mode, where every tenant behaves as `off`.
   * @defaultValue true
   */
  identity?: boolean;
  /** Abuse limits over the environment's (`TINYCHAT_LIMITS`, `TINYCHAT_LIMIT_*`). */
  limits?: Partial<LimitSettings>;
  /** `hosted`: the seed's surface only; routes ask `c.get('compat')` / `extensionsOnFor(c)`. @defaultValue 'default' */
  compat?: Compat;
}

/** JSON bodies above this are refused with 413 before they are read. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** The TinyChat REST surface, mounted under both `/v1` and `/api/v1` as the seed shows both. */
export function createApi(deps: AppDeps) {
  const api = new Hono<TenantEnv>();
  const hosted = deps.compat === 'hosted';
  const identity = !hosted && (deps.identity ?? true);
  const limits = { ...limitSettingsFromEnv(process.env), ...deps.limits };
  api.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      // idempotency-key is ours, beyond the seed: it lets a retried send stay one message (README); the user token
      // header is the identity extension's. Hosted mode allows exactly the seed's two, as the hosted service does.
      allowHeaders: hosted ? ['content-type', 'x-tinychat-api-key'] : ['content-type', 'x-tinychat-api-key', 'idempotency-key', ...(identity ? [USER_TOKEN_HEADER] : [])],
      // A 429's wait, readable by a widget on another origin (not a CORS-safelisted header).
      ...(hosted ? {} : { exposeHeaders: ['Retry-After'] }),
      // A widget on another origin pays a preflight before each kind of call; let the browser keep the answer
      // (Chromium caps it at 2 hours) instead of asking again every 5 seconds. The seed promises no max-age.
      ...(hosted ? {} : { maxAge: 7200 }),
    }),
  );
  api.use('*', tenantAuth(deps.db));
  if (identity) api.use('*', identityAuth(deps.db));
  api.use('*', restWriteLimits(limits));
  api.route('/', configRoutes(deps.publicUrl, deps.agentHealth));
  api.route('/', usersRoutes(deps.db));
  api.route('/', conversationsRoutes(deps.db, deps.realtime));
  api.route('/', messagesRoutes(deps.db, deps.realtime));
  api.route('/', typingRoutes(deps.db, deps.realtime));
  api.route('/', readsRoutes(deps.db, deps.realtime));
  api.route('/', uploadRoutes(deps.db, deps.uploadsDir, deps.publicUrl));
  return api;
}

/** The whole HTTP app: the API, realtime's REST side, uploaded files, the demo pages. */
export function createApp(deps: AppDeps, extra?: (app: Hono) => void) {
  const app = new Hono();
  app.use('*', compatContext(deps.compat ?? 'default'));
  app.use(
    '/*',
    bodyLimit({
      // Uploads carry their own 10 MB rule (route-level); everything else is small JSON.
      maxSize: 11 * 1024 * 1024,
      // An upload over the limit gets the seed's upload text whichever limit catches it.
      onError: (c) => c.json({ error: c.req.path.endsWith('/upload') ? TOO_LARGE : 'request body too large' }, 413, { connection: 'close' }),
    }),
  );
  // Agent, health and /kb first: the API's key check below would otherwise claim /v1/chat/completions.
  const agentParts = createAgentParts({ ...deps, wrongKeys: { ...limitSettingsFromEnv(process.env), ...deps.limits }.wrongKeysPerAddress });
  app.route('/', agentParts.routes);
  // Before the API: its publishable-key check would otherwise claim /v1/webhooks (secret server keys only). Ours,
  // beyond the seed: not in hosted mode (webhooks are still sent there).
  if (deps.compat !== 'hosted') for (const base of ['/v1', '/api/v1']) app.route(base, deliveriesRoutes(deps.db));
  const api = createApi({ ...deps, agentHealth: agentParts.agentHealth });
  app.route('/v1', api);
  app.route('/api/v1', api);
  app.route('/', storageRoutes(deps.uploadsDir));
  extra?.(app);
  // Last: the demo pages and the built widget answer only what nothing above claimed.
  app.route('/', staticRoutes());
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ error: err.message }, err.status, err.headers);
    if (err instanceof HTTPException) {
      const res = err.getResponse();
      if (res.status < 500) return c.json({ error: err.message || res.statusText || 'bad request' }, res.status as 400);
    }
    // The seed's 500 row, `{ "error": "..." }`, only for faults on our side, and never with their details: a
    // database message can name tables, values or another tenant's data. The log has them, under the same id.
    const { id, sentence } = internalError(err, `${c.req.method} ${c.req.path}`);
    return c.json({ error: sentence }, 500, { 'x-request-id': id });
  });
  return app;
}
