import { useT } from '../I18n.tsx';
import type { Sentence } from '../../i18n/sentence.ts';

/** Props of {@link AgentErrorLine}. */
export interface AgentErrorLineProps {
  /** Why, as a table sentence (`toSentence(error)` for a failed reply), said in the reader's language. */
  sentence: Sentence;
  /** Hands the conversation to a person; without it the button is not shown. */
  onTalkToPerson?: () => void;
}

/** Why the reply failed, as a sentence, with a way out to a person. */
export function AgentErrorLine({ sentence, onTalkToPerson }: AgentErrorLineProps) {
  const t = useT();
  return (
    <div class="tc-agent-error">
      <p role="alert">{t(sentence)}</p>
      {onTalkToPerson && (
        <button type="button" onClick={onTalkToPerson}>
          {t('talkToPerson')}
        </button>
      )}
    </div>
  );
}
