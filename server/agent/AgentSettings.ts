import { isProvider, type ProviderName } from '../health/providers.ts';

/** An OpenAI-compatible chat completions server the agent streams through instead of its built-in answers. */
export interface LlmUpstream {
  /** Base URL, e.g. `http://localhost:11434/v1`; `/chat/completions` is appended unless already there. */
  url: string;
  /** Sent as `Authorization: Bearer <key>`. */
  key?: string;
  /** Model name sent upstream; else the agent's model name is sent. */
  model?: string;
  /** How long to wait for the upstream's response headers. @defaultValue 30000 */
  timeoutMs: number;
}

/** How the agent answers. */
export interface AgentSettings {
  /** Pause between streamed tokens of the built-in agent, in ms. @defaultValue 18 */
  tokenDelayMs: number;
  /** The upstream model; undefined: the built-in knowledge-base agent answers. */
  llm: LlmUpstream | undefined;
  /** Which health provider the agent's answers depend on. @defaultValue 'gpt' */
  llmProvider: ProviderName;
}

const number = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

/**
 * Reads the agent settings from the environment: `TINYCHAT_AGENT_TOKEN_MS`, `TINYCHAT_LLM_URL`,
 * `TINYCHAT_LLM_KEY`, `TINYCHAT_LLM_MODEL`, `TINYCHAT_LLM_TIMEOUT_MS`, `TINYCHAT_LLM_PROVIDER`.
 */
export function agentSettingsFromEnv(env: Record<string, string | undefined>): AgentSettings {
  const provider = env.TINYCHAT_LLM_PROVIDER?.toLowerCase() ?? 'gpt';
  const url = env.TINYCHAT_LLM_URL?.trim();
  return {
    tokenDelayMs: number(env.TINYCHAT_AGENT_TOKEN_MS, 18),
    llm: url
      ? {
          url,
          key: env.TINYCHAT_LLM_KEY || undefined,
          model: env.TINYCHAT_LLM_MODEL || undefined,
          timeoutMs: number(env.TINYCHAT_LLM_TIMEOUT_MS, 30_000),
        }
      : undefined,
    llmProvider: isProvider(provider) ? provider : 'gpt',
  };
}
