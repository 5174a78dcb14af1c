/**
 * Splits a reply into the pieces the built-in agent streams: one word with the whitespace before it,
 * roughly what an LLM's tokens look like to a reader. Joining the pieces gives the text back exactly.
 */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+|\s+$/g) ?? [];
}

/** A rough token count (4 characters a token), for `usage` when no model counted for us. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
