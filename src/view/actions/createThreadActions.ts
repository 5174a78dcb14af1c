import { computed, signal, type Signal } from '@preact/signals';
import type { RefObject } from 'preact';
import type { ChatStore, ThreadItem, ThreadModel } from '../../state/types.ts';
import type { VirtualListHandle } from '../VirtualList.tsx';
import type { ThreadActions } from './ThreadActions.tsx';

/** Where a jump looks and what it says when the message cannot be found. */
export interface JumpTargets {
  /** The thread's root element (the log and its rows are inside). */
  root: RefObject<HTMLElement | null>;
  /** The log's list, to render and scroll to a row it has not rendered. */
  list: RefObject<VirtualListHandle | null>;
  /** Told (with null first) when the quoted message is not there any more. */
  notAvailable: Signal<boolean>;
}

const highlightMs = 2_500;

/** The actions for one open thread (made once per Thread, see {@link ThreadActions}). */
export function createThreadActions(store: ChatStore, thread: ThreadModel, targets: JumpTargets): ThreadActions {
  const byId = computed(() => {
    const map = new Map<string, ThreadItem>();
    for (const item of thread.items.value) if (item.status === 'sent') map.set(item.message.id, item);
    return map;
  });

  async function jumpTo(messageId: string): Promise<void> {
    targets.notAvailable.value = false;
    let item = byId.peek().get(messageId);
    if (item === undefined && thread.findMessage !== undefined && (await thread.findMessage(messageId))) item = byId.peek().get(messageId);
    // Not held after every page (or deleted before this visitor loaded the thread: history leaves those out).
    if (item === undefined) return void (targets.notAvailable.value = true);
    targets.list.current?.reveal(item.key);
    const row = await rowOf(targets.root.current, messageId);
    if (row === null) return;
    row.tabIndex = -1;
    row.dataset['highlight'] = 'true';
    row.focus({ preventScroll: true });
    setTimeout(() => delete row.dataset['highlight'], highlightMs);
  }

  return {
    store,
    thread,
    list: targets.list,
    byId,
    replyTo: signal(null),
    editing: signal(null),
    confirmingDelete: signal(null),
    jumpTo: (id) => void jumpTo(id),
    focusComposer() {
      targets.root.current?.querySelector<HTMLElement>('.tc-input')?.focus();
    },
  };
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
