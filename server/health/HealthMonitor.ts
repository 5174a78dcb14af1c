import type { AgentSettings } from '../agent/AgentSettings.ts';
import { completionsUrl } from '../agent/openUpstream.ts';
import type { HealthSettings } from './HealthSettings.ts';
import { probe, type ProviderStatus } from './probe.ts';
import { PROVIDERS, type ProviderName } from './providers.ts';

/** The seed's `GET /v1/health/llm` body. */
export interface HealthSnapshot {
  status: 'ok' | 'degraded';
  checkedAt: string;
  providers: Record<ProviderName, ProviderStatus>;
}

/** What `/v1/config` tells the browser: whether to offer the AI or a person. */
export interface AgentHealth {
  healthy: boolean;
  checked_at: string;
}

/**
 * Probes the providers and keeps the snapshot for `cacheMs`; concurrent callers share one probe round.
 * Rules (README): a provider with a health URL is probed; the agent's own provider without one is probed
 * through the LLM upstream's `/models`, or counts as ok when the built-in agent answers; any other
 * provider without a URL is an error, "not configured", since nothing shows it works.
 */
export class HealthMonitor {
  private cached: { snapshot: HealthSnapshot; until: number } | undefined;
  private inFlight: Promise<HealthSnapshot> | undefined;

  constructor(
    private readonly settings: HealthSettings,
    private readonly agent: AgentSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** The current snapshot, probed now only when the cached one is older than `cacheMs`. */
  snapshot(): Promise<HealthSnapshot> {
    if (this.cached !== undefined && this.now() < this.cached.until) return Promise.resolve(this.cached.snapshot);
    this.inFlight ??= this.probeAll().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** The health of the provider the agent answers with, from the same cached snapshot. */
  async agentHealth(): Promise<AgentHealth> {
    const s = await this.snapshot();
    return { healthy: s.providers[this.agent.llmProvider].status === 'ok', checked_at: s.checkedAt };
  }

  private async probeAll(): Promise<HealthSnapshot> {
    const checkedAt = new Date(this.now()).toISOString();
    const results = await Promise.all(PROVIDERS.map((p) => this.probeOne(p)));
    const providers = Object.fromEntries(PROVIDERS.map((p, i) => [p, results[i]])) as Record<ProviderName, ProviderStatus>;
    const snapshot: HealthSnapshot = {
      status: results.every((r) => r.status === 'ok') ? 'ok' : 'degraded',
      checkedAt,
      providers,
    };
    this.cached = { snapshot, until: this.now() + this.settings.cacheMs };
    return snapshot;
  }

  private probeOne(p: ProviderName): Promise<ProviderStatus> {
    const url = this.settings.urls[p];
    if (url !== undefined) return probe(url, this.settings.probeTimeoutMs);
    if (p !== this.agent.llmProvider) return Promise.resolve({ status: 'error', detail: 'not configured' });
    const llm = this.agent.llm;
    if (llm === undefined) return Promise.resolve({ status: 'ok', detail: 'built-in demo agent' });
    const models = completionsUrl(llm.url).replace(/\/chat\/completions$/, '/models');
    return probe(models, this.settings.probeTimeoutMs, llm.key ? { authorization: `Bearer ${llm.key}` } : {});
  }
}
