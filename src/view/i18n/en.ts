/**
 * English, the reference table: every string a person sees or hears (accessible names included). Other tables
 * (`es.ts`, `ar.ts`) must have the same keys: their type, `Strings`, checks it. `{name}` placeholders are filled by
 * `t()`. Accessible names the tests and SPEC.md fix ("Open chat", "Message", "Send"…) are English here; the other
 * tables translate them. Adding a string: add the key here and in every other table in this folder.
 */
export const en = {
  // Launcher and panel
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unreadSuffix: ', {count} unread',
  chat: 'Chat',
  close: 'Close',
  loading: 'Loading…',
  reconnecting: 'Reconnecting…',
  dismiss: 'Dismiss',
  // Conversation list
  conversations: 'Conversations',
  conversation: 'Conversation',
  newConversation: 'New conversation',
  noConversations: 'No conversations yet.',
  backToConversations: 'Back to conversations',
  noMessagesYet: 'No messages yet',
  unreadCount: '{count} unread',
  kindSupport: 'Support',
  kindOrder: 'Order',
  kindDirect: 'Direct message',
  // Thread
  messages: 'Messages',
  loadingMessages: 'Loading messages…',
  loadingEarlier: 'Loading earlier messages…',
  emptyThread: 'No messages yet. Write the first one below.',
  jumpToLatest: 'Jump to latest',
  jumpNewOne: '{count} new message, jump to latest',
  jumpNewMany: '{count} new messages, jump to latest',
  messageDeleted: 'Message deleted',
  edited: '(edited)',
  sending: 'Sending…',
  notSent: 'Not sent.',
  retry: 'Retry',
  imageUnavailable: 'Image unavailable',
  imageFrom: 'Image from {name}',
  image: 'Image',
  imageWithCaption: 'Image: {caption}',
  announceMessage: '{name}: {text}',
  typingOne: '{name} is typing…',
  typingTwo: '{first} and {second} are typing…',
  typingMany: 'Several people are typing…',
  // Composer
  message: 'Message',
  messagePlaceholder: 'Write a message…',
  send: 'Send',
  // Agent
  stopGenerating: 'Stop generating',
  stopped: 'Stopped.',
  talkToPerson: 'Talk to a person',
  sources: 'Sources',
  tooQuickly: 'You are sending messages too quickly.',
  sendAgainIn: 'You can send again in {wait}.',
  sendAgainNow: 'You can send again now.',
  // Page title while messages are unread (notifications, issue 6 part 9)
  titleCount: '({count}) {title}',
} as const;

export type StringKey = keyof typeof en;
export type Strings = { readonly [K in StringKey]: string };
