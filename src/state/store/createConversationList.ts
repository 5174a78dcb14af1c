import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Conversation, Message } from '../../transport/types.ts';
import { timeKey } from '../messageOrder.ts';
import type { ConversationSummary } from '../types.ts';
import type { StoreState } from './createStoreState.ts';

/** The conversation list: what the server lists, kept in order by the newest message seen live. */
export interface ConversationList {
  /** What the list view shows, with each conversation's unread count. */
  readonly summaries: ReadonlySignal<readonly ConversationSummary[]>;
  /** Fetches the list again (its failure is the caller's). */
  refresh(): Promise<void>;
  /** Moves a conversation to the top of the list with its newest text. */
  noteMessage(message: Message): void;
  /** Get-or-create on `ref` with the visitor and the configured participants; the list learns of it at once. */
  getOrCreate(ref: string): Promise<Conversation>;
}

/** Makes the list over the shared state; `unread` holds the counts the summaries show. */
export function createConversationList(state: StoreState, unread: ReadonlySignal<ReadonlyMap<string, number>>): ConversationList {
  const { api, settings, conversations } = state;
  const lastMessages = signal<ReadonlyMap<string, { text: string | null; at: string | null }>>(new Map());

  const summaries = computed<readonly ConversationSummary[]>(() =>
    conversations.value.map((conversation) => {
      const last = lastMessages.value.get(conversation.id);
      return {
        conversation,
        kind: conversation.kind,
        lastMessage: last?.text ?? conversation.last_message ?? null,
        lastAt: last?.at ?? conversation.last_at,
        unread: unread.value.get(conversation.id) ?? 0,
      };
    }),
  );

  return {
    summaries,
    async refresh() {
      const list = await api.listConversations(state.userId.value);
      if (state.disposed) return;
      conversations.value = list;
    },
    noteMessage(message) {
      const id = message.conversation_id;
      const held = lastMessages.value.get(id);
      if (held?.at != null && timeKey(held.at) > timeKey(message.created_at)) return;
      const next = new Map(lastMessages.value);
      // An image's preview is its caption, else the server's own marker '[image]' (the view says it in the reader's language).
      const image = message.message_type === 'image';
      next.set(id, { text: message.deleted_at !== null ? null : image ? message.body || '[image]' : message.body, at: message.created_at });
      batch(() => {
        lastMessages.value = next;
        const list = conversations.value;
        const index = list.findIndex((c) => c.id === id);
        if (index > 0) {
          const item = list[index];
          if (item !== undefined) conversations.value = [item, ...list.slice(0, index), ...list.slice(index + 1)];
        }
      });
    },
    async getOrCreate(ref) {
      const me = state.userId.value;
      const conversation = await api.getOrCreateConversation({
        kind: settings.conversationKind,
        external_ref: ref,
        participants: [me, ...settings.participants.filter((p) => p !== me)],
      });
      if (!state.disposed && !conversations.value.some((c) => c.id === conversation.id)) conversations.value = [conversation, ...conversations.value];
      return conversation;
    },
  };
}
