import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Db } from '../db/Db.ts';
import { AgentError } from './AgentError.ts';
import type { AgentSettings } from './AgentSettings.ts';
import { authorizeAgent } from './authorizeAgent.ts';
import { builtinReply } from './builtinReply.ts';
import { callerAddress } from './callerAddress.ts';
import { FixedWindowLimiter } from './FixedWindowLimiter.ts';
import type { KnowledgeBase } from './KnowledgeBase.ts';
import { parseCompletionRequest } from './parseCompletionRequest.ts';
import { readJsonBody } from './readJsonBody.ts';
import { collectReply, streamReply } from './sendReply.ts';
import { extensionsOnFor } from '../compat/compatContext.ts';
import { upstreamReply } from './upstreamReply.ts';

/** What the agent endpoint needs. */
export interface AgentRouteDeps {
  db: Db;
  settings: AgentSettings;
  knowledge: Promise<KnowledgeBase>;
  /** The server's public base URL for a request; cited pages link there. */
  publicUrl: (requestUrl: string) => string;
}

/** Chat bodies are small; this keeps a public endpoint from reading megabytes. */
const BODY_LIMIT = 512 * 1024;
const PATHS = ['/v1/chat/completions', '/api/v1/chat/completions'];

/**
 * `POST /v1/chat/completions` (and `/api/v1/…`): Tiny Talk's agent API with its own CORS (any origin;
 * the agent's allowed origins are checked per request) and `{code, message}` errors.
 */
export function agentRoutes(deps: AgentRouteDeps) {
  const app = new Hono();
  const limiter = new FixedWindowLimiter();
  const corsMiddleware = cors({
    origin: '*',
    allowMethods: ['POST', 'OPTIONS'],
    allowHeaders: ['content-type', 'api-key'],
    // The widget reads these to show how long to wait.
    exposeHeaders: ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After'],
    maxAge: 600,
  });
  const limitBody = bodyLimit({
    maxSize: BODY_LIMIT,
    onError: () => {
      // close: the unread rest of the body must not be taken for the next request on a kept-alive socket.
      throw new AgentError(413, `request body is larger than ${BODY_LIMIT} bytes`, { connection: 'close' });
    },
  });
  for (const path of PATHS) {
    app.use(path, corsMiddleware);
    app.post(path, limitBody, (c) => complete(c, deps, limiter));
    app.all(path, () => {
      throw new AgentError(405, 'use POST');
    });
  }
  app.onError((err, c) => {
    if (err instanceof AgentError) return c.json({ code: err.status, message: err.message }, err.status, err.headers);
    // The caller is gone (nginx's 499); nobody reads this, and it is not our fault worth a log line.
    if (c.req.raw.signal.aborted) return new Response(null, { status: 499 });
    console.error(err);
    return c.json({ code: 500, message: 'internal error' }, 500);
  });
  return app;
}

async function complete(c: Context, deps: AgentRouteDeps, limiter: FixedWindowLimiter) {
  const req = parseCompletionRequest(await readJsonBody(c));
  const { agent, trusted } = await authorizeAgent(deps.db, req.botId, c.req.header('api-key'), c.req.header('origin'));
  if (!trusted) {
    const d = limiter.hit(`${agent.id}\n${callerAddress(c)}`, agent.rate_limit, agent.rate_window_seconds * 1000);
    const headers = {
      'X-RateLimit-Limit': String(d.limit),
      'X-RateLimit-Remaining': String(d.remaining),
      'X-RateLimit-Reset': String(Math.ceil(d.resetAt / 1000)),
    };
    for (const [k, v] of Object.entries(headers)) c.header(k, v);
    if (!d.allowed) {
      const wait = Math.max(1, Math.ceil((d.resetAt - Date.now()) / 1000));
      throw new AgentError(429, `rate limit exceeded: ${d.limit} messages per ${agent.rate_window_seconds} s; retry in ${wait} s`, {
        ...headers,
        'Retry-After': String(wait),
      });
    }
  }
  const model = req.model ?? agent.default_model;
  if (!agent.allowed_models.includes(model)) throw new AgentError(403, `model not available on this agent's plan: ${model.slice(0, 100)}`);

  const stop = new AbortController();
  c.req.raw.signal.addEventListener('abort', () => stop.abort(), { once: true });
  const base = deps.publicUrl(c.req.url);
  const pageUrl = (slug: string) => `${base}/kb/${slug}`;
  const kb = await deps.knowledge;
  const stream = req.stream ?? agent.stream_default;
  const reply = deps.settings.llm
    ? await upstreamReply(deps.settings.llm, kb, req.messages, model, req.temperature, pageUrl, stop.signal)
    : builtinReply(kb, req.messages, model, pageUrl, stream ? deps.settings.tokenDelayMs : 0, stop.signal);
  return stream ? streamReply(c, reply, stop, extensionsOnFor(c)) : collectReply(c, reply, req.messages.map((m) => m.content).join('\n'));
}
