/** The LLM providers the Talkory health endpoint reports, in the seed's order. */
export const PROVIDERS = ['gpt', 'claude', 'gemini', 'grok', 'perplexity'] as const;

/** One of {@link PROVIDERS}. */
export type ProviderName = (typeof PROVIDERS)[number];

/** Whether a string names a provider (env values are checked with it). */
export function isProvider(name: string): name is ProviderName {
  return (PROVIDERS as readonly string[]).includes(name);
}
