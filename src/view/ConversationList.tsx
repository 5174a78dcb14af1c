import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ChatStore } from '../state/types.ts';
import { ConversationItem } from './ConversationItem.tsx';
import { useT } from './I18n.tsx';
import { personName } from './personName.ts';

/**
 * The list screen: "New conversation" and the visitor's conversations (role=list "Conversations"), newest as the
 * store orders them. A conversation list is short (the server caps it at 100), so it is not virtualized.
 */
export function ConversationList({ store }: { store: ChatStore }) {
  const starting = useSignal(false);
  const root = useRef<HTMLDivElement>(null);
  // Loaded lazily: the panel may have taken focus while this code was on its way; the list's first control has it then.
  useEffect(() => {
    const panel = root.current?.closest<HTMLElement>('.tc-panel');
    const focused = (root.current?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement;
    if (panel && focused === panel) root.current?.querySelector<HTMLElement>('.tc-new')?.focus();
  }, []);
  const t = useT();
  const conversations = store.conversations.value;
  const me = store.userId.value;
  // Who each conversation is with: the support inbox tells its visitors apart by this.
  const others = (participants: readonly string[]) =>
    participants
      .filter((p) => p !== me)
      .map((p) => personName(store, p, t))
      .join(', ');
  const start = () => {
    if (store.newConversation) return store.newConversation();
    if (starting.value) return;
    starting.value = true;
    // A failure is the store's to report (through `error`, shown in role=alert); here it only ends the wait.
    store
      .startConversation()
      .catch(() => undefined)
      .finally(() => (starting.value = false));
  };
  return (
    <div class="tc-convs" ref={root}>
      <button type="button" class="tc-primary tc-new" aria-busy={starting.value ? 'true' : 'false'} onClick={start}>
        {t('newConversation')}
      </button>
      {conversations.length === 0 && <p class="tc-note">{t('noConversations')}</p>}
      <ul role="list" aria-label={t('conversations')} class="tc-conv-list" part="conversation-list" onKeyDown={moveAlong}>
        {conversations.map((summary) => (
          <ConversationItem key={summary.conversation.id} summary={summary} who={others(summary.conversation.participants)} onOpen={(id) => store.openConversation(id)} />
        ))}
      </ul>
    </div>
  );
}

/**
 * Up and Down arrows move between the conversations, Home and End to the first and last, besides Tab: a support
 * inbox's list is long.
 */
export function moveAlong(e: KeyboardEvent): void {
  const keys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
  const step = keys[e.key];
  if (step === undefined || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('.tc-conv')];
  const at = buttons.indexOf(e.target as HTMLElement);
  if (at < 0) return;
  const index = step === -Infinity ? 0 : step === Infinity ? buttons.length - 1 : Math.max(0, Math.min(buttons.length - 1, at + step));
  e.preventDefault();
  buttons[index]?.focus();
}
