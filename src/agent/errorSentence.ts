/**
 * The English sentence when the body gave no reason, per status (seed: tinytalk-api-overview "Error format"), for
 * programs; the view says it by status in the reader's language (`agentSentence`). Literal rather than read from
 * en.ts: this file is in the stream worker's bundle too, which should not carry the whole table.
 */
const FALLBACK: Record<number, string> = {
  400: 'The assistant could not read that message.',
  401: 'This assistant is private and the widget is not allowed to use it.',
  403: 'The assistant is not available right now: its plan limit has been reached.',
  404: 'This assistant does not exist.',
  429: 'You are sending messages too quickly.',
};

/**
 * Reads the three error shapes the seeds use (`{error:"..."}`, `{code,message}`,
 * `{error:{code,message,status,requestId}}`) into a code and a sentence that ends with a full stop; `text` is that
 * sentence only when the body gave it (the server's own words).
 *
 * @param status - HTTP status, for the fallback sentence
 * @param body - the parsed JSON body, or its text, or undefined
 */
export function errorSentence(status: number, body: unknown): { message: string; code: string | number | undefined; text: string | undefined } {
  let message: unknown;
  let code: unknown;
  if (typeof body === 'object' && body !== null) {
    const b = body as { message?: unknown; code?: unknown; error?: unknown };
    // Tiny Talk's own `{code, message}` first: our server adds OpenAI's `error: {…}` beside it for SDKs.
    if (typeof b.error === 'object' && b.error !== null && typeof b.message !== 'string') {
      const e = b.error as { message?: unknown; code?: unknown };
      message = e.message;
      code = e.code;
    } else {
      message = b.message ?? b.error;
      code = b.code;
    }
  }
  const text = typeof message === 'string' ? message.trim().slice(0, 300) : '';
  const said = text ? asSentence(text) : undefined;
  return {
    message: said ?? FALLBACK[status] ?? 'The assistant ran into a problem. Please try again.',
    code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    text: said,
  };
}

function asSentence(text: string): string {
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}
