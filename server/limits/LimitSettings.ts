/** At most `limit` per `windowSeconds`, counted in fixed windows. */
export interface Rate {
  limit: number;
  windowSeconds: number;
}

/** The server's abuse limits besides realtime's (RealtimeSettings) and the agent's own per-agent rate. */
export interface LimitSettings {
  /** REST writes (POST, PATCH, DELETE under `/v1`) are limited; `TINYCHAT_LIMITS=off` turns them off. @defaultValue true */
  restWrites: boolean;
  /** REST writes per tenant and IP address (`TINYCHAT_LIMIT_WRITES_PER_IP`). @defaultValue 600 per 60 s */
  writesPerAddress: Rate;
  /** REST writes per signed-in user (`TINYCHAT_LIMIT_WRITES_PER_USER`). @defaultValue 120 per 60 s */
  writesPerUser: Rate;
  /** New conversations per tenant and IP address (`TINYCHAT_LIMIT_CONVERSATIONS_PER_IP`). @defaultValue 60 per 600 s */
  conversationsPerAddress: Rate;
  /** Wrong agent or health keys per IP address before every key from it waits (`TINYCHAT_LIMIT_WRONG_KEYS_PER_IP`). @defaultValue 10 per 60 s */
  wrongKeysPerAddress: Rate;
}

export const defaultLimitSettings: LimitSettings = {
  restWrites: true,
  writesPerAddress: { limit: 600, windowSeconds: 60 },
  writesPerUser: { limit: 120, windowSeconds: 60 },
  conversationsPerAddress: { limit: 60, windowSeconds: 600 },
  wrongKeysPerAddress: { limit: 10, windowSeconds: 60 },
};

/** "600/60" (count per seconds) as a Rate; anything else keeps the fallback. */
function rate(value: string | undefined, fallback: Rate): Rate {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value ?? '');
  if (m === null || Number(m[2]) === 0) return fallback;
  return { limit: Number(m[1]), windowSeconds: Number(m[2]) };
}

/** Reads the limits from the environment (`TINYCHAT_LIMITS`, `TINYCHAT_LIMIT_*` as `count/seconds`). */
export function limitSettingsFromEnv(env: Record<string, string | undefined>): LimitSettings {
  const d = defaultLimitSettings;
  return {
    restWrites: env.TINYCHAT_LIMITS?.trim().toLowerCase() !== 'off',
    writesPerAddress: rate(env.TINYCHAT_LIMIT_WRITES_PER_IP, d.writesPerAddress),
    writesPerUser: rate(env.TINYCHAT_LIMIT_WRITES_PER_USER, d.writesPerUser),
    conversationsPerAddress: rate(env.TINYCHAT_LIMIT_CONVERSATIONS_PER_IP, d.conversationsPerAddress),
    wrongKeysPerAddress: rate(env.TINYCHAT_LIMIT_WRONG_KEYS_PER_IP, d.wrongKeysPerAddress),
  };
}
