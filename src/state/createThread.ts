import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { LiveEvent, Message } from '../transport/types.ts';
import { joinBotParts } from './agent/joinBotParts.ts';
import { checkImage } from './checkImage.ts';
import { createUploads } from './createUploads.ts';
import { sentenceOf } from './failure.ts';
import { tooLong } from './messageLimit.ts';
import { createTypingState } from './createTypingState.ts';
import { settled } from './until.ts';
import { compareMessages, normalizeMessage } from './messageOrder.ts';
import { placePending } from './placePending.ts';
import { threadItems } from './threadItems.ts';
import type { SendOptions, ThreadItem, ThreadModel } from './types.ts';
import type { ThreadOptions } from './ThreadOptions.ts';

export type { ThreadOptions } from './ThreadOptions.ts';

export interface Thread extends ThreadModel {
  /** Merges one realtime event. */
  receive(event: LiveEvent): void;
  /** Merges a message from any source (POST answer, history, event); newer edits win. */
  merge(messages: readonly Message[]): void;
  /** After a rejoin: fetches what was sent while away, page by page, until it meets what is held. */
  backfill(): Promise<void>;
  /** Loads the first page again if it failed (the service answers again). */
  reload(): void;
  /** The messages held, oldest first (for the cache). */
  readonly held: ReadonlySignal<readonly Message[]>;
  dispose(): void;
}

const typingThrottleMs = 2_500;
const maxBackfillPages = 20;

/**
 * One conversation's messages keyed by id, so POST answers, realtime events and history pages merge
 * without duplicates; unsent messages come from the outbox and show after the sent ones.
 */
export function createThread(options: ThreadOptions): Thread {
  const { conversationId, api, outbox, userId } = options;
  const pageSize = options.pageSize ?? 50;
  const byId = signal<ReadonlyMap<string, Message>>(new Map());
  const hasMore = signal(true);
  const loadingOlder = signal(false);
  const ready = signal(false);
  const failedToLoad = signal(false);
  const typingBy = createTypingState();
  let lastTypingSent = 0;
  let disposed = false;

  const { itemOf, pendingOf } = threadItems(conversationId, userId, outbox);

  const sorted = computed(() => [...byId.value.values()].sort(compareMessages));
  const items = computed<readonly ThreadItem[]>(() => {
    const held = byId.value;
    const sent = sorted.value.map(itemOf);
    const pending = outbox.entries.value.filter((e) => e.conversationId === conversationId && (e.echoId === null || !held.has(e.echoId)));
    // A long agent reply was posted in parts: shown (and read, and quoted) as the one message it was.
    return joinBotParts(placePending(sent, pending.map(pendingOf)));
  });

  const merge = (messages: readonly Message[]): Message[] => {
    const fresh: Message[] = [];
    if (messages.length === 0) return fresh;
    options.learn?.(messages);
    const next = new Map(byId.value);
    for (const raw of messages) {
      if (raw.conversation_id !== conversationId) continue;
      const message = normalizeMessage(raw);
      const held = next.get(message.id);
      if (held === undefined) fresh.push(message);
      // An older copy (a history page fetched before an edit arrived) never overwrites a newer one.
      else if ((held.deleted_at !== null && message.deleted_at === null) || (held.edited_at ?? '') > (message.edited_at ?? '')) continue;
      next.set(message.id, message);
    }
    // One of ours that history brought (a reload while it was pending) takes its outbox row's place and key,
    // claimed before it is held so the row is never shown twice nor made anew.
    for (const m of fresh) if (m.sender_id === userId) outbox.claimEcho(m);
    byId.value = next;
    return fresh;
  };

  const announce = (fresh: readonly Message[]) => {
    for (const m of fresh) if (m.sender_id !== userId) options.onIncoming?.(m);
  };

  const oldest = () => sorted.value[0];

  let loadingFirst = false;
  async function loadFirstPage(): Promise<void> {
    if (loadingFirst) return;
    loadingFirst = true;
    try {
      const page = await api.history(conversationId, { limit: pageSize });
      if (disposed) return;
      batch(() => {
        merge(page);
        hasMore.value = page.length === pageSize;
        failedToLoad.value = false;
        ready.value = true;
      });
    } catch (error) {
      if (disposed) return;
      batch(() => {
        failedToLoad.value = true;
        ready.value = true;
      });
      options.onError?.(error);
    } finally {
      loadingFirst = false;
    }
  }
  // Shown at once from what was held before; whether older history exists is known once the first page is in.
  if (options.initial !== undefined && options.initial.length > 0) {
    merge(options.initial);
    hasMore.value = false;
    ready.value = true;
  }

  // Images: uploaded first, then queued like any message (the outbox's Idempotency-Key makes it one message).
  const uploads = createUploads({
    conversationId,
    api,
    onUploaded(result, sendOptions) {
      outbox.add(conversationId, { sender_id: userId, message_type: 'image', media_url: result.url, ...replyField(sendOptions) });
    },
  });

  const thread: Thread = {
    conversationId,
    viewKey: options.viewKey ?? conversationId,
    items,
    hasMore,
    loadingOlder,
    ready,
    failedToLoad,
    held: sorted,
    waiting: outbox.waiting,
    typing: computed(() => [...typingBy.by.value.values()]),
    typers: computed(() => [...typingBy.by.value.keys()]),
    ...(options.canSend === undefined ? {} : { canSend: options.canSend }),
    async loadOlder() {
      // Not before the first page: a thread still loading has no "earlier" yet (a slow network showed it).
      if (loadingOlder.value || !hasMore.value || disposed || failedToLoad.value || loadingFirst) return;
      const first = oldest();
      loadingOlder.value = true;
      try {
        const page = await api.history(conversationId, first === undefined ? { limit: pageSize } : { before: first.created_at, limit: pageSize });
        if (disposed) return;
        batch(() => {
          merge(page);
          hasMore.value = page.length === pageSize;
        });
      } catch (error) {
        options.onError?.(error);
      } finally {
        loadingOlder.value = false;
      }
    },
    send(text, sendOptions) {
      const body = text.trim();
      // Over the limit never leaves: the composer says why; the server would refuse it for good.
      if (body === '' || tooLong(body)) return;
      outbox.add(conversationId, { sender_id: userId, body, message_type: 'text', ...replyField(sendOptions) }, sendOptions?.written);
    },
    uploads: uploads.items,
    sendImage(file, sendOptions) {
      const checked = checkImage(file);
      if (!checked.ok) return checked.reason;
      uploads.start(checked.file, sendOptions);
      return null;
    },
    retryUpload: (id) => uploads.retry(id),
    discardUpload: (id) => uploads.discard(id),
    async edit(messageId, text) {
      const body = text.trim();
      // An empty edit is the view's to refuse (Save is disabled); here it changes nothing.
      if (body === '') return null;
      try {
        // The answer is merged at once; the broadcast of the same edit (same edited_at) changes nothing.
        const changed = await api.edit(conversationId, messageId, userId, body);
        // Without the message in the answer, the change's broadcast shows it.
        if (changed?.id !== undefined) merge([changed]);
        return null;
      } catch (error) {
        return sentenceOf(error);
      }
    },
    async remove(messageId) {
      try {
        const removed = await api.remove(conversationId, messageId, userId);
        if (removed?.id !== undefined) merge([removed]);
        return null;
      } catch (error) {
        return sentenceOf(error);
      }
    },
    async findMessage(messageId) {
      // Each page is older than the last; the loop ends at the conversation's start or a failed page.
      while (!byId.value.has(messageId) && hasMore.value && !disposed) {
        if (loadingOlder.value) {
          await settled(loadingOlder);
          continue;
        }
        const before = oldest()?.created_at;
        await thread.loadOlder();
        if (oldest()?.created_at === before) return byId.value.has(messageId);
      }
      return byId.value.has(messageId);
    },
    retry(key) {
      outbox.retry(key);
    },
    discard(key) {
      return outbox.discard(key)?.input.body ?? null;
    },
    reload() {
      if (failedToLoad.value && !disposed) void loadFirstPage();
    },
    notifyTyping() {
      const now = Date.now();
      if (now - lastTypingSent < typingThrottleMs) return;
      lastTypingSent = now;
      // Fire and forget: a lost typing event costs nothing.
      api.typing(conversationId, userId, options.userName ?? undefined).catch(() => {});
    },
    receive(event) {
      if (event.type === 'typing') {
        if (event.senderId === userId) return;
        typingBy.saw(event.senderId, event.senderName);
        return;
      }
      if (event.type !== 'message') return;
      const message = normalizeMessage(event.message);
      if (message.conversation_id !== conversationId) return;
      batch(() => {
        // The echo of anything this browser posted (the visitor's messages, the agent's replies) meets its entry.
        outbox.claimEcho(message);
        // A message ends its sender's typing indicator at once.
        typingBy.clear(message.sender_id);
        announce(merge([message]));
      });
    },
    merge(messages) {
      announce(merge(messages));
    },
    async backfill() {
      const known = new Set(byId.value.keys());
      let before: string | undefined;
      for (let page = 0; page < maxBackfillPages && !disposed; page += 1) {
        let messages: Message[];
        try {
          messages = await api.history(conversationId, before === undefined ? { limit: pageSize } : { before, limit: pageSize });
        } catch (error) {
          options.onError?.(error);
          return;
        }
        if (disposed) return;
        announce(merge(messages));
        if (!ready.value || failedToLoad.value) {
          batch(() => {
            ready.value = true;
            failedToLoad.value = false;
            if (page === 0) hasMore.value = messages.length === pageSize;
          });
        }
        // Stop at the first page that overlaps what was held (or the start of the conversation).
        const first = messages[0];
        if (messages.length < pageSize || first === undefined || messages.some((m) => known.has(m.id))) return;
        before = first.created_at;
      }
    },
    dispose() {
      disposed = true;
      typingBy.dispose();
    },
  };
  void loadFirstPage();
  return thread;
}

const replyField = (options: SendOptions | undefined): { reply_to?: string } => (options?.replyTo ? { reply_to: options.replyTo } : {});
