import type { ThreadActions } from './ThreadActions.tsx';

const highlightMs = 2_500;

/**
 * Brings a quoted message into view (loading older pages when it is not loaded yet), focuses and highlights its
 * row; a message no longer there sets `actions.notAvailable`. Only a quote calls it, so it lives in the replies'
 * lazy chunk (lazyReply.ts).
 */
export async function jumpTo(actions: ThreadActions, messageId: string): Promise<void> {
  const { byId, thread, notAvailable } = actions;
  notAvailable.value = false;
  let item = byId.peek().get(messageId);
  if (item === undefined && thread.findMessage !== undefined && (await thread.findMessage(messageId))) item = byId.peek().get(messageId);
  // Not held after every page (or deleted before this visitor loaded the thread: history leaves those out).
  if (item === undefined) return void (notAvailable.value = true);
  actions.list.current?.reveal(item.key);
  const row = await rowOf(actions.root.current, messageId);
  if (row === null) return;
  row.tabIndex = -1;
  row.dataset['highlight'] = 'true';
  row.focus({ preventScroll: true });
  setTimeout(() => delete row.dataset['highlight'], highlightMs);
}

/** The row of a message once the list has rendered it (a few frames at most); null if it never comes. */
function rowOf(root: HTMLElement | null, messageId: string): Promise<HTMLElement | null> {
  const selector = `.tc-log [data-message-id="${messageId.replace(/["\\]/g, '\\$&')}"]`;
  return new Promise((resolve) => {
    let frames = 0;
    const look = () => {
      const row = root?.querySelector<HTMLElement>(selector) ?? null;
      if (row !== null || ++frames > 30) return resolve(row);
      requestAnimationFrame(look);
    };
    look();
  });
}
