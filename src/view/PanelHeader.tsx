import type { ChatStore } from '../state/types.ts';
import { BackIcon, CloseIcon } from './icons.tsx';
import { useT } from './I18n.tsx';
import { preloadList } from './lazyConversationList.ts';
import { threadTitle } from './threadTitle.ts';

/**
 * The panel's header: "Back to conversations" in a thread, the title (who the visitor is talking to, see
 * `threadTitle`), and in bubble mode a close button.
 * That button is named "Close", not "Close chat": the launcher owns that name (docs/ui-contract.md) and two
 * buttons of one name would be ambiguous to a person and to the browser tests.
 */
export function PanelHeader({ store, closable }: { store: ChatStore; closable: boolean }) {
  const thread = store.screen.value === 'thread' ? store.thread.value : null;
  const t = useT();
  const Agent = store.agent?.value ?? null;
  const title = thread ? threadTitle(store, thread, t) : t('conversations');
  return (
    // A div, not <header>: inside the page a second banner landmark would compete with the page's own (axe).
    <div class="tc-header" part="header">
      {thread && (
        <button type="button" class="tc-icon-button" aria-label={t('backToConversations')} onPointerEnter={preloadList} onFocus={preloadList} onClick={() => store.backToList()}>
          <BackIcon />
        </button>
      )}
      <h2 class="tc-title">{title}</h2>
      {/* "Talk to a person", one click away while the agent answers in this thread. */}
      {thread && Agent && <Agent.HeaderAction thread={thread} />}
      {closable && (
        <button type="button" class="tc-icon-button" aria-label={t('close')} onClick={() => store.close()}>
          <CloseIcon />
        </button>
      )}
    </div>
  );
}
