import type { StringKey } from '../i18n/en.ts';
import type { Sentence } from '../i18n/sentence.ts';
import { asSentence } from './asSentence.ts';
import type { AgentHttpError } from './errors/AgentHttpError.ts';
import { isHttpError } from './errors/HttpError.ts';
import { isRateLimitError } from './errors/RateLimitError.ts';
import { isSecretKeyError } from './errors/SecretKeyError.ts';
import { transportErrorKind } from './errors/TransportError.ts';

/** The agent's failures by kind (its HTTP answers by status, below). */
const agentKinds: Readonly<Record<string, StringKey>> = {
  'agent-rate-limit': 'tooQuickly',
  'agent-network': 'agentUnreachable',
  'cut-off': 'agentCutOff',
  'bad-stream': 'agentProblem',
  refused: 'agentKeyRefused',
};

/** A table sentence per status the agent documents (its API's "Error format"). */
const agentStatuses: Readonly<Record<number, StringKey>> = {
  400: 'agentBadRequest',
  401: 'agentPrivate',
  403: 'agentPlanLimit',
  404: 'agentMissing',
  429: 'tooQuickly',
};

/**
 * What a person should read for any error the transport throws (REST, realtime or agent; or anything else), as
 * data: a key of the string tables and its values, said in the reader's language by the view and by the element's
 * `tinychat:error` event. Never a stack or raw JSON. The key is also the event's `code`.
 *
 * @param error - what a transport call rejected with
 * @param online - whether the device thinks it is online
 * @defaultValue online: `navigator.onLine` where it exists
 * @example
 * ```ts
 * api.send(id, input, key).catch((e) => (store.error.value = toSentence(e))) // { key: 'errorOffline' }
 * ```
 */
export function toSentence(error: unknown, online: boolean = typeof navigator === 'undefined' || navigator.onLine !== false): Sentence {
  const kind = transportErrorKind(error);
  switch (kind) {
    case 'secret-key':
      return { key: 'errorSecretKey', values: { prefix: isSecretKeyError(error) ? error.prefix : '' } };
    case 'missing-key':
      return { key: 'errorMissingKey' };
    case 'network':
      return { key: online ? 'errorUnreachable' : 'errorOffline' };
    case 'timeout':
      return { key: 'errorTimeout' };
    case 'rate-limit': {
      const wait = isRateLimitError(error) ? error.retryAfterSeconds : undefined;
      return wait === undefined || wait <= 0 ? { key: 'errorTooQuickly' } : { key: 'errorTooQuicklyWait', values: { wait } };
    }
    case 'http':
      if (isHttpError(error)) return httpSentence(error.status, error.message);
      break;
    case 'agent-http': {
      const { status, serverText } = error as AgentHttpError;
      const key = agentStatuses[status];
      if (key !== undefined) return { key };
      // The server's own words only for a 4xx no sentence fits; a 5xx reads "The assistant ran into a problem".
      return status >= 400 && status < 500 && serverText ? { key: 'errorServerSaid', values: { text: serverText } } : { key: 'agentProblem' };
    }
    case undefined:
      if ((error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException)) && error.name === 'AbortError') {
        return { key: 'errorCancelled' };
      }
      break;
    default: {
      const key = agentKinds[kind];
      if (key !== undefined) return { key };
    }
  }
  return { key: 'errorUnknown' };
}

/** A table sentence per status (and the seed's documented reasons); the server's own words only where none fits. */
function httpSentence(status: number, serverText: string): Sentence {
  const text = serverText.toLowerCase();
  if (status === 401) return { key: 'errorBadKey' };
  if (status === 403) {
    if (text.includes('suspended')) return { key: 'errorSuspended' };
    if (text.includes('overage')) return { key: 'errorPlanLimit' };
    return { key: text.includes('only the sender') ? 'errorNotSender' : 'errorForbidden' };
  }
  if (status === 404) return { key: text.includes('message') ? 'errorMessageGone' : 'errorConversationGone' };
  if (status === 408) return { key: 'errorTimeout' };
  if (status === 413) return { key: 'errorTooLarge' };
  if (status === 415) return { key: 'errorFileType' };
  if (status >= 500) return { key: 'errorServer' };
  // Other 4xx (400 "body is required" and the like): the server's own words, as a sentence, in every locale.
  if (serverText !== '' && !/^HTTP \d+$/.test(serverText)) return { key: 'errorServerSaid', values: { text: asSentence(serverText) } };
  return { key: 'errorRefused' };
}
