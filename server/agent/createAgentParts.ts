import { Hono } from 'hono';
import type { Db } from '../db/Db.ts';
import { HealthMonitor, type AgentHealth } from '../health/HealthMonitor.ts';
import { healthRoutes } from '../health/healthRoutes.ts';
import { healthSettingsFromEnv, type HealthSettings } from '../health/HealthSettings.ts';
import { agentRoutes } from './agentRoutes.ts';
import { agentSettingsFromEnv, type AgentSettings } from './AgentSettings.ts';
import { kbRoutes } from './kbRoutes.ts';
import { loadKnowledgeBase } from './KnowledgeBase.ts';
import { defaultLimitSettings, type Rate } from '../limits/LimitSettings.ts';
import { WrongKeyGuard } from '../limits/WrongKeyGuard.ts';

/** What the agent and health side needs from the app. */
export interface AgentPartsDeps {
  db: Db;
  publicUrl: (requestUrl: string) => string;
  /** Overrides of the environment's agent settings (tests: no token pacing, a local upstream). */
  agent?: Partial<AgentSettings>;
  /** Overrides of the environment's health settings. */
  health?: Partial<HealthSettings>;
  /** Wrong agent and health keys allowed per IP address before its keys wait. */
  wrongKeys?: Rate;
}

/**
 * Builds the agent endpoint, the health endpoint and the knowledge-base pages as one Hono app to mount
 * ahead of the TinyChat API (whose key check would otherwise claim `/v1/chat/completions`), and the
 * agent's health for `/v1/config`.
 */
export function createAgentParts(deps: AgentPartsDeps): { routes: Hono; agentHealth: () => Promise<AgentHealth> } {
  const settings: AgentSettings = { ...agentSettingsFromEnv(process.env), ...deps.agent };
  const healthSettings: HealthSettings = { ...healthSettingsFromEnv(process.env), ...deps.health };
  const knowledge = loadKnowledgeBase();
  // A broken page rejects every reply that awaits it; this only keeps Node from calling it unhandled first.
  knowledge.catch(() => undefined);
  const monitor = new HealthMonitor(healthSettings, settings);
  const wrongKeys = deps.wrongKeys ?? defaultLimitSettings.wrongKeysPerAddress;
  const routes = new Hono()
    .route('/', agentRoutes({ db: deps.db, settings, knowledge, publicUrl: deps.publicUrl, keyGuard: new WrongKeyGuard(wrongKeys) }))
    .route('/', healthRoutes(deps.db, monitor, healthSettings, new WrongKeyGuard(wrongKeys)))
    .route('/', kbRoutes(knowledge));
  return { routes, agentHealth: () => monitor.agentHealth() };
}
