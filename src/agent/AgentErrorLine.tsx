import { useT } from '../view/i18n/I18n.tsx';
import type { AgentError } from './errors/AgentError.ts';

/** Props of {@link AgentErrorLine}. */
export interface AgentErrorLineProps {
  error: Pick<AgentError, 'message'>;
  /** Hands the conversation to a person; without it the button is not shown. */
  onTalkToPerson?: () => void;
}

/** Why the reply failed, as a sentence, with a way out to a person. */
export function AgentErrorLine({ error, onTalkToPerson }: AgentErrorLineProps) {
  const t = useT();
  return (
    <div class="tc-agent-error">
      <p role="alert">{error.message}</p>
      {onTalkToPerson && (
        <button type="button" onClick={onTalkToPerson}>
          {t('talkToPerson')}
        </button>
      )}
    </div>
  );
}
