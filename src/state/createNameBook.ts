import type { Conversation, Message } from '../transport/types.ts';

/** Names known for user ids, learnt from wherever the server or a typing event says them. */
export interface NameBook {
  /** The name known for a user id, if any. */
  get(userId: string): string | undefined;
  set(userId: string, name: string): void;
  /** Learns `sender_name` from message rows (a server extension; rows without it teach nothing). */
  learnMessages(messages: readonly Message[]): void;
  /** Learns `participant_names` from conversation rows (a server extension). */
  learnConversations(conversations: readonly Conversation[]): void;
}

/**
 * The store's names: the visitor's own (`user-name`), the server's (`sender_name` on rows, `participant_names` on
 * conversations) and typing events' `sender_name`, newest wins, so a name shows the same live, after a reload, in
 * quotes, the typing line and the list. A server without those fields leaves only what typing events taught.
 * @param own - the visitor's id and the name they gave, which nothing the server says overrides
 */
export function createNameBook(own: { userId: string; name: string | null }): NameBook {
  const names = new Map<string, string>();
  const set = (userId: string, name: string | null | undefined) => {
    if (typeof name === 'string' && name.trim() !== '' && !(userId === own.userId && own.name !== null)) names.set(userId, name);
  };
  if (own.name !== null) names.set(own.userId, own.name);
  return {
    get: (userId) => names.get(userId),
    set,
    learnMessages(messages) {
      for (const m of messages) set(m.sender_id, m.sender_name);
    },
    learnConversations(conversations) {
      for (const c of conversations) for (const [id, name] of Object.entries(c.participant_names ?? {})) set(id, name);
    },
  };
}
