import type { ChatStore } from '../state/types.ts';
import { BackIcon, CloseIcon } from './icons.tsx';
import { useT } from './I18n.tsx';
import { kindLabel } from './kindLabel.ts';

/**
 * The panel's header: "Back to conversations" in a thread, the title, and in bubble mode a close button.
 * That button is named "Close", not "Close chat": the launcher owns that name (docs/ui-contract.md) and two
 * buttons of one name would be ambiguous to a person and to the browser tests.
 */
export function PanelHeader({ store, closable }: { store: ChatStore; closable: boolean }) {
  const thread = store.screen.value === 'thread' ? store.thread.value : null;
  const summary = thread ? store.conversations.value.find((c) => c.conversation.id === thread.conversationId) : undefined;
  const t = useT();
  const Agent = store.agent?.value ?? null;
  const title = thread ? (summary ? kindLabel(summary.kind, t) : t('conversation')) : t('conversations');
  return (
    // A div, not <header>: inside the page a second banner landmark would compete with the page's own (axe).
    <div class="tc-header" part="header">
      {thread && (
        <button type="button" class="tc-icon-button" aria-label={t('backToConversations')} onClick={() => store.backToList()}>
          <BackIcon />
        </button>
      )}
      <h2 class="tc-title">{title}</h2>
      {/* "Talk to a person", one click away while the agent answers in this thread (issue 5). */}
      {thread && Agent && <Agent.HeaderAction thread={thread} />}
      {closable && (
        <button type="button" class="tc-icon-button" aria-label={t('close')} onClick={() => store.close()}>
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
