import { createContext, type RefObject } from 'preact';
import type { Signal, ReadonlySignal } from '@preact/signals';
import { useContext } from 'preact/hooks';
import type { ChatStore, ThreadItem, ThreadModel } from '../../state/types.ts';
import type { VirtualListHandle } from '../VirtualList.tsx';

/**
 * What a thread's rows and composer share for editing, deleting and replying, provided by Thread so the
 * log and the rows need no extra props: one row at a time is being edited or confirmed for delete; a reply
 * target waits above the composer; and a quote can bring the message it quotes into view.
 */
export interface ThreadActions {
  store: ChatStore;
  thread: ThreadModel;
  /** The thread's root element (the log and its rows are inside). */
  root: RefObject<HTMLElement | null>;
  /** The log's list (MessageLog hands it to VirtualList), to bring a row into view. */
  list: RefObject<VirtualListHandle | null>;
  /** Set when a quote's message is not there any more (the thread says so). */
  notAvailable: Signal<boolean>;
  /** Sent messages by server id, for quotes. */
  byId: ReadonlySignal<ReadonlyMap<string, ThreadItem>>;
  /** The message being answered, shown above the composer; its id goes out as `reply_to`. */
  replyTo: Signal<ThreadItem | null>;
  /** Key of the row being edited in place. */
  editing: Signal<string | null>;
  /** Key of the row asking "Delete this message?". */
  confirmingDelete: Signal<string | null>;
  /** Moves focus to the message box. */
  focusComposer(): void;
}

export const ThreadActionsContext = createContext<ThreadActions | null>(null);

/** The nearest thread's actions; null outside a thread (a row rendered alone). */
export function useThreadActions(): ThreadActions | null {
  return useContext(ThreadActionsContext);
}

/** A short, one-line excerpt of a message body for quotes. */
export function excerpt(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
