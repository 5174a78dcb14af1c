import type { AgentController } from '../../state/agent/createAgent.ts';
import type { ThreadModel } from '../../state/types.ts';
import { useT } from '../I18n.tsx';

/**
 * Hands the conversation to a person: the agent stops answering in it (for good, kept per conversation), and
 * a short message from the visitor tells the other side someone is wanted.
 */
export function useTalkToPerson(controller: AgentController, thread: ThreadModel): () => void {
  const t = useT();
  return () => {
    controller.talkToPerson(thread.conversationId);
    thread.send(t('agentAskedForPerson'));
  };
}

/** "Talk to a person" in the thread header while the agent answers in this conversation. */
export function TalkToPersonButton({ controller, thread }: { controller: AgentController; thread: ThreadModel }) {
  const t = useT();
  const talk = useTalkToPerson(controller, thread);
  if (!controller.answers(thread.conversationId, thread.items.value)) return null;
  return (
    <button type="button" class="tc-talk-person" onClick={talk}>
      {t('talkToPerson')}
    </button>
  );
}
