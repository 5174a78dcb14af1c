import type { Queryable } from '../db/Db.ts';
import type { Agent } from './Agent.ts';
import { AgentError } from './AgentError.ts';

/** Who is calling, as far as the agent's rules care. */
export interface AgentCaller {
  agent: Agent;
  /** A valid `api-key` for this agent was sent: private access, no rate limit. */
  trusted: boolean;
}

const normalise = (origin: string) => origin.trim().toLowerCase().replace(/\/+$/, '');

/**
 * Looks the agent up and applies its key and origin rules (the seed's 401 and 403 rows).
 * A wrong key is refused even on a public agent: a caller who sends one expects it to count.
 * @param apiKey - the `api-key` header; empty counts as absent
 * @param origin - the `Origin` header; absent means not a browser, allowed past an origin list only with a key
 * @throws AgentError 404 unknown botId, 401 missing or invalid key, 403 origin not allowed
 */
export async function authorizeAgent(db: Queryable, botId: string, apiKey: string | undefined, origin: string | undefined): Promise<AgentCaller> {
  const [agent] = await db.query<Agent>(
    `select id, tenant_id, name, visibility, allowed_origins, rate_limit, rate_window_seconds, default_model, allowed_models, stream_default
     from agents where id = $1`,
    [botId],
  );
  if (agent === undefined) throw new AgentError(404, 'agent not found: check botId');
  let trusted = false;
  if (apiKey !== undefined && apiKey !== '') {
    const [key] = await db.query('select 1 from agent_keys where key = $1 and agent_id = $2', [apiKey, agent.id]);
    if (key === undefined) throw new AgentError(401, 'invalid api key');
    trusted = true;
  } else if (agent.visibility === 'private') {
    throw new AgentError(401, 'missing api key: this agent is private, send the api-key header');
  }
  if (agent.allowed_origins.length > 0) {
    if (origin === undefined || origin === '') {
      if (!trusted) throw new AgentError(403, 'origin not allowed: this agent only answers its allowed origins');
    } else if (!agent.allowed_origins.some((o) => normalise(o) === normalise(origin))) {
      throw new AgentError(403, "origin not allowed: add it to the agent's allowed origins");
    }
  }
  return { agent, trusted };
}
