import { computed, signal, type Signal } from '@preact/signals';
import type { RefObject } from 'preact';
import type { ChatStore, ThreadItem, ThreadModel } from '../../state/types.ts';
import type { VirtualListHandle } from '../VirtualList.tsx';
import type { ThreadActions } from './ThreadActions.tsx';

/** Where a jump to a quoted message looks (jumpTo.ts) and what it says when the message cannot be found. */
export interface JumpTargets {
  /** The thread's root element (the log and its rows are inside). */
  root: RefObject<HTMLElement | null>;
  /** The log's list, to render and scroll to a row it has not rendered. */
  list: RefObject<VirtualListHandle | null>;
  /** Told (with null first) when the quoted message is not there any more. */
  notAvailable: Signal<boolean>;
}

/** The actions for one open thread (made once per Thread, see {@link ThreadActions}). */
export function createThreadActions(store: ChatStore, thread: ThreadModel, targets: JumpTargets): ThreadActions {
  const byId = computed(() => {
    const map = new Map<string, ThreadItem>();
    for (const item of thread.items.value) if (item.status === 'sent') map.set(item.message.id, item);
    return map;
  });
  return {
    store,
    thread,
    root: targets.root,
    list: targets.list,
    notAvailable: targets.notAvailable,
    byId,
    replyTo: signal(null),
    editing: signal(null),
    confirmingDelete: signal(null),
    focusComposer() {
      targets.root.current?.querySelector<HTMLElement>('.tc-input')?.focus();
    },
  };
}
