import type { Message } from '../transport/types.ts';

/** `tinychat-ready`: the widget has its user and config and is listening. */
export interface TinyChatReadyDetail {
  userId: string;
}

/**
 * `tinychat-message`: a message arrived or was sent; `mine` is true for the visitor's own; `text` is what it says as
 * plain words (no markdown marks, no sources block), while `message.body` stays what was stored.
 */
export interface TinyChatMessageDetail {
  message: Message;
  mine: boolean;
  text: string;
}

/** `tinychat-unread`: how many messages from others the visitor has not read, over all conversations. */
export interface TinyChatUnreadDetail {
  count: number;
}

/**
 * `tinychat-error`: the sentence the person reads, in the widget's language, and its table key as a stable code
 * for programs ("errorOffline", "errorBadKey"…); `fatal` when the widget cannot go on (a refused key).
 */
export interface TinyChatErrorDetail {
  message: string;
  code: string;
  fatal: boolean;
}

/** `tinychat-read`: another participant has read the conversation up to `messageId` (a server with read state). */
export interface TinyChatReadDetail {
  conversationId: string;
  userId: string;
  messageId: string;
}

/** `tinychat-open`, `tinychat-close` and `tinychat-token-expired` carry no data. */
export type TinyChatToggleDetail = Record<never, never>;

/** Each event's detail, by the event's short name. */
export interface TinyChatEventDetails {
  ready: TinyChatReadyDetail;
  open: TinyChatToggleDetail;
  close: TinyChatToggleDetail;
  message: TinyChatMessageDetail;
  unread: TinyChatUnreadDetail;
  error: TinyChatErrorDetail;
  read: TinyChatReadDetail;
  /** The user token is about to expire and no `getUserToken()` is set: the page sets a fresh `user-token`. */
  'token-expired': TinyChatToggleDetail;
}

/** A short event name: `message` is dispatched as `tinychat-message` and `tinychat:message`. */
export type TinyChatEventName = keyof TinyChatEventDetails;

/**
 * Every event `<tiny-chat>` dispatches (they bubble and cross shadow roots). Each is sent twice, under the same
 * detail: `tinychat-<name>`, which every framework's template can bind (`@tinychat-message`, `(tinychat-message)`,
 * `ontinychat-message`), and `tinychat:<name>`, the original name, kept for pages that listen to it.
 */
export type TinyChatEventMap = {
  [N in TinyChatEventName as `tinychat-${N}` | `tinychat:${N}`]: CustomEvent<TinyChatEventDetails[N]>;
};

/**
 * Dispatches one widget event under both of its names, hyphen first.
 *
 * @param target - the `<tiny-chat>` element
 * @param name - the event's short name
 * @param detail - what listeners read as `event.detail`
 */
export function dispatchTinyChatEvent<N extends TinyChatEventName>(target: EventTarget, name: N, detail: TinyChatEventDetails[N]): void {
  for (const type of [`tinychat-${name}`, `tinychat:${name}`]) {
    target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
