import type { StringKey } from '../view/i18n/en.ts';
import type { Sentence } from '../view/i18n/sentence.ts';
import type { AgentError, AgentErrorKind } from './errors/AgentError.ts';

/** A table sentence per status the seed documents (tinytalk-api-overview "Error format"). */
const byStatus: Readonly<Record<number, StringKey>> = {
  400: 'agentBadRequest',
  401: 'agentPrivate',
  403: 'agentPlanLimit',
  404: 'agentMissing',
  429: 'tooQuickly',
};

const byKind: Readonly<Record<AgentErrorKind, StringKey>> = {
  http: 'agentProblem',
  'rate-limit': 'tooQuickly',
  network: 'agentUnreachable',
  'cut-off': 'agentCutOff',
  'bad-stream': 'agentProblem',
  refused: 'agentKeyRefused',
};

/**
 * What a person reads when an agent reply failed, by the error's kind and status, in the reader's language (issue 6
 * item 5); the error's English `message` stays for programs. The server's own words (`serverText`) only for a 4xx
 * no sentence fits; a 5xx or a broken stream reads "The assistant ran into a problem".
 *
 * @example agentSentence(new AgentError('cut-off', 'The reply was cut off.')) // { key: 'agentCutOff' }
 */
export function agentSentence(error: Pick<AgentError, 'kind'> & { status?: number; serverText?: string | undefined }): Sentence {
  const status = error.kind === 'http' ? (error.status ?? 0) : 0;
  const key = byStatus[status];
  if (key !== undefined) return { key };
  if (status >= 400 && status < 500 && error.serverText) return { key: 'errorServerSaid', values: { text: error.serverText } };
  return { key: byKind[error.kind] ?? 'agentProblem' };
}
