import { PROVIDERS, type ProviderName } from './providers.ts';

/** How provider health is probed, cached and guarded. */
export interface HealthSettings {
  /** A URL per provider answered with 2xx when it is healthy (`TINYCHAT_HEALTH_<PROVIDER>_URL`). */
  urls: Partial<Record<ProviderName, string>>;
  /** Per-probe timeout in ms (`TINYCHAT_HEALTH_TIMEOUT_MS`). @defaultValue 2000 */
  probeTimeoutMs: number;
  /** How long one snapshot is served, in ms (`TINYCHAT_HEALTH_CACHE_MS`). @defaultValue 300000, the seed's 5 minutes */
  cacheMs: number;
  /** Requests per key per window. @defaultValue 30, the seed's */
  rateLimit: number;
  /** @defaultValue 60 */
  rateWindowSeconds: number;
}

/** Reads the health settings from the environment. */
export function healthSettingsFromEnv(env: Record<string, string | undefined>): HealthSettings {
  const urls: Partial<Record<ProviderName, string>> = {};
  for (const p of PROVIDERS) {
    const url = env[`TINYCHAT_HEALTH_${p.toUpperCase()}_URL`]?.trim();
    if (url) urls[p] = url;
  }
  const timeout = Number(env.TINYCHAT_HEALTH_TIMEOUT_MS);
  const cache = Number(env.TINYCHAT_HEALTH_CACHE_MS);
  return {
    urls,
    probeTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 2000,
    cacheMs: Number.isFinite(cache) && cache >= 0 && env.TINYCHAT_HEALTH_CACHE_MS !== '' && env.TINYCHAT_HEALTH_CACHE_MS !== undefined ? cache : 300_000,
    rateLimit: 30,
    rateWindowSeconds: 60,
  };
}
