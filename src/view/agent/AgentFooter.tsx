import { AgentErrorLine } from './AgentErrorLine.tsx';
import { AgentReply } from './AgentReply.tsx';
import { RateLimitNotice } from './RateLimitNotice.tsx';
import { personWrote } from '../../state/agent/conversationTurns.ts';
import type { AgentController } from '../../state/agent/createAgent.ts';
import type { ThreadModel } from '../../state/types.ts';
import { useT } from '../I18n.tsx';
import { useTalkToPerson } from './TalkToPerson.tsx';

/**
 * The message log's last row while the agent has something to show in this conversation: the reply streaming now
 * (one text node changes per frame, the rows above are untouched), a 429 wait counting down, "unavailable" with
 * the way to a person, or, once handed over, that a person will answer here. Renders nothing otherwise.
 */
export function AgentFooter({ controller, thread }: { controller: AgentController; thread: ThreadModel }) {
  const t = useT();
  const talk = useTalkToPerson(controller, thread);
  const id = thread.conversationId;
  const active = controller.reply.value;
  const reply = active?.conversationId === id ? active.model : null;
  const wait = controller.rateLimit.value;
  const failed = controller.failure.value?.conversationId === id;
  const items = thread.items.value;
  const answers = controller.answers(id, items);
  // Handed over and no person has answered yet: say what happens next, so nobody waits on a silent thread.
  const waiting = controller.handedOver.value.has(id) && !personWrote(items, controller.userId, controller.senderId);
  return (
    <>
      {reply && (
        <article class="tc-msg tc-msg-agent" data-agent-reply="" data-mine="false">
          <header class="tc-msg-meta">
            <span class="tc-msg-sender" dir="auto">
              {t('agentName')}
            </span>
          </header>
          <div class="tc-msg-bubble" dir="auto">
            <AgentReply reply={reply} onTalkToPerson={answers || failed ? talk : undefined} />
          </div>
        </article>
      )}
      {wait && answers && (
        <RateLimitNotice retryAfter={Math.max(0, Math.ceil((wait.until - Date.now()) / 1000))} message={t('agentRateLimited')} onElapsed={() => controller.endWait()} />
      )}
      {!controller.healthy && answers && <AgentErrorLine sentence={{ key: 'agentUnavailable' }} onTalkToPerson={talk} />}
      {waiting && !reply && (
        <p class="tc-handover" role="status">
          {t('handedOver')}
        </p>
      )}
    </>
  );
}
