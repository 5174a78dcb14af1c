// What every widget is fed: the same reply tokens and the same long history.

/**
 * Tokens of the streamed reply: the markdown shape of bench/agentStream.bench.ts (paragraphs, bold, inline code,
 * lists, code blocks), but ASCII only. This machine has no CJK or emoji fonts, and Chromium's failing font fallback
 * on every layout of such text multiplies the cost of any widget that lays the whole reply out per token (deep-chat:
 * about 10 s of layout becomes about 70 s) — a property of this machine, not of a visitor's browser.
 */
export const TOKENS = 2000;
/** One token every this many milliseconds, paced by the server. */
export const TOKEN_INTERVAL_MS = 2;
/** The reply's last token: when it is in a widget's DOM, the reply is on screen. */
export const LAST_TOKEN = ' ⟨end-of-reply⟩';

export function replyTokens(): string[] {
  const words = ['Orders', ' ship', ' within', ' **two', ' days**', ' from', ' the', ' depot,', ' and', ' `express`', ' is', ' faster.', ' hub', ' ok'];
  const tokens: string[] = [];
  for (let i = 0; tokens.length < TOKENS - 1; i++) {
    if (i % 60 === 59) tokens.push('\n\n');
    else if (i % 300 === 100) tokens.push('\n\n- first\n- second\n- third\n\n');
    else if (i % 500 === 250) tokens.push('\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n');
    else tokens.push(words[i % words.length] as string);
  }
  tokens.push(LAST_TOKEN);
  return tokens;
}

/** Messages in the long thread. */
export const HISTORY = 5000;

/**
 * The text of history message `i` (1-based), the same words bench/widget.bench.ts seeds in the database; every
 * third message is the visitor's. Runs in the page too (serialised with `toString`), so it must stay self-contained.
 */
export function historyText(i: number): string {
  const where = ['at the depot', 'on the van', 'delayed by weather', 'delivered'][i % 4];
  return `Message number ${i}: parcel ACME-${100000000 + i} is ${where}.`;
}

export const isVisitor = (i: number): boolean => i % 3 === 0;
