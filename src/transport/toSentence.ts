import { isHttpError } from './errors/HttpError.ts';
import { isRateLimitError } from './errors/RateLimitError.ts';
import { transportErrorKind } from './errors/TransportError.ts';

/**
 * A short sentence a person understands for any error the transport throws (or anything else), for the
 * widget's `role="alert"` line and the `tinychat:error` event. Never shows a stack or raw JSON.
 *
 * @param error - what a transport call rejected with
 * @param online - whether the device thinks it is online
 * @defaultValue online: `navigator.onLine` where it exists
 * @example
 * ```ts
 * api.send(id, input, key).catch((e) => (store.error.value = toSentence(e)))
 * ```
 */
export function toSentence(error: unknown, online: boolean = typeof navigator === 'undefined' || navigator.onLine !== false): string {
  switch (transportErrorKind(error)) {
    case 'secret-key':
    case 'missing-key':
      // Already written for a person, with what to do instead.
      return (error as Error).message;
    case 'network':
      return online ? 'The chat service could not be reached. Check your connection and try again.' : 'You are offline. Check your connection and try again.';
    case 'timeout':
      return 'The chat service took too long to answer. Try again.';
    case 'rate-limit': {
      const wait = isRateLimitError(error) ? error.retryAfterSeconds : undefined;
      return wait === undefined || wait <= 0 ? 'You are sending too quickly. Wait a moment and try again.' : `You are sending too quickly. Try again in ${formatWait(wait)}.`;
    }
    case 'http':
      if (isHttpError(error)) return httpSentence(error.status, error.message);
      break;
    default:
      if (error instanceof Error && error.name === 'AbortError') return 'Cancelled.';
      if (typeof DOMException !== 'undefined' && error instanceof DOMException && error.name === 'AbortError') return 'Cancelled.';
  }
  return 'Something went wrong. Try again.';
}

function httpSentence(status: number, serverText: string): string {
  const text = serverText.toLowerCase();
  if (status === 401) return 'The chat is not set up correctly: its API key is not valid. Please tell the site owner.';
  if (status === 403) {
    if (text.includes('suspended')) return 'This chat is not available right now: the account has been suspended.';
    if (text.includes('overage')) return 'This chat is not available right now: the account has reached its plan limit.';
    if (text.includes('only the sender')) return 'You can only change your own messages.';
    return 'You are not allowed to do that.';
  }
  if (status === 404) {
    if (text.includes('message')) return 'That message no longer exists.';
    return 'This conversation was not found. It may have been removed.';
  }
  if (status === 408) return 'The chat service took too long to answer. Try again.';
  if (status === 413) return 'That file is too large. Images can be at most 10 MB.';
  if (status === 415) return 'That file type cannot be sent. Use a JPEG, PNG, GIF, WebP or HEIC image.';
  if (status >= 500) return 'The chat service had a problem. Try again.';
  // Other 4xx (400 "body is required" and the like): the server's own words, as a sentence.
  if (serverText !== '' && !/^HTTP \d+$/.test(serverText)) return asSentence(serverText);
  return 'The chat service could not do that. Try again.';
}

function asSentence(text: string): string {
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

function formatWait(seconds: number): string {
  const s = Math.ceil(seconds);
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 60) return unit(s, 'second');
  const minutes = Math.floor(s / 60);
  return s % 60 === 0 ? unit(minutes, 'minute') : `${unit(minutes, 'minute')} ${unit(s % 60, 'second')}`;
}
