import { TransportError, transportErrorKind } from './TransportError.ts';

/** What the constructor of {@link HttpError} reads. */
export interface HttpErrorInit {
  status: number;
  /** The server's own sentence, e.g. "conversation not found". */
  message: string;
  /** The parsed JSON body, or its text when it was not JSON. */
  body: unknown;
  /** `code` of a `{code,message}` or `{error:{code,...}}` body. */
  code?: string | number | undefined;
  /** `requestId` of a Talkory-shaped body, for support tickets. */
  requestId?: string | undefined;
}

/**
 * The server answered with a non-2xx status. `message` is the server's sentence as it sent it (read from
 * any of the three error shapes); {@link toSentence} turns it into words for a person.
 *
 * @example
 * ```ts
 * try { await api.history(id) } catch (e) { if (isHttpError(e) && e.status === 404) showGone() }
 * ```
 */
export class HttpError extends TransportError {
  override name = 'HttpError';
  /** HTTP status, e.g. 404. */
  readonly status: number;
  readonly body: unknown;
  readonly code: string | number | undefined;
  readonly requestId: string | undefined;

  constructor(init: HttpErrorInit, kind: 'http' | 'rate-limit' = 'http') {
    super(kind, init.message);
    this.status = init.status;
    this.body = init.body;
    this.code = init.code;
    this.requestId = init.requestId;
  }
}

/** Whether `value` is an {@link HttpError} (a {@link RateLimitError} is one too), from any realm. */
export function isHttpError(value: unknown): value is HttpError {
  const kind = transportErrorKind(value);
  return kind === 'http' || kind === 'rate-limit';
}
