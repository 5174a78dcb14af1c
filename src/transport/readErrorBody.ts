/** What {@link readErrorBody} found in an error body. */
export interface ErrorBodyFields {
  /** The server's sentence; empty when the body had none. */
  message: string;
  code: string | number | undefined;
  requestId: string | undefined;
}

/** An error body as JSON, or its text when it is not JSON (a proxy's HTML page, say). */
export function parseErrorBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Reads the three error shapes of the seeds: TinyChat's `{error:"..."}`, Tiny Talk's `{code,message}` and
 * Talkory's `{error:{code,message,status,requestId}}`. Anything else (a proxy's HTML page) gives no message.
 *
 * @param body - the parsed JSON body, or its text
 */
export function readErrorBody(body: unknown): ErrorBodyFields {
  let message: unknown;
  let code: unknown;
  let requestId: unknown;
  if (typeof body === 'object' && body !== null) {
    const b = body as { message?: unknown; code?: unknown; error?: unknown; requestId?: unknown };
    if (typeof b.error === 'object' && b.error !== null) {
      const e = b.error as { message?: unknown; code?: unknown; requestId?: unknown };
      ({ message, code, requestId } = e);
    } else {
      message = typeof b.error === 'string' ? b.error : b.message;
      ({ code, requestId } = b);
    }
  }
  return {
    // Capped: the text is shown in the widget, and a hostile or broken server could send megabytes.
    message: typeof message === 'string' ? message.trim().slice(0, 300) : '',
    code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    requestId: typeof requestId === 'string' ? requestId : undefined,
  };
}
