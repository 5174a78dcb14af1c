/**
 * English, the reference table: every string a person sees or hears (accessible names included). Other tables
 * must have the same keys (the type of `Strings` checks it). `{name}` placeholders are filled by `t()`.
 * Accessible names the tests and SPEC.md fix ("Open chat", "Message", "Send"…) are English here.
 */
export const en = {
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unreadSuffix: ', {count} unread',
  chat: 'Chat',
  message: 'Message',
  send: 'Send',
} as const;

export type StringKey = keyof typeof en;
export type Strings = { readonly [K in StringKey]: string };
