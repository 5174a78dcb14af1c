export { createChatStore, type ChatEventName, type ChatStoreOptions, type FullChatStore } from './createChatStore.ts';
export { readSettings, type WidgetSettings } from './WidgetSettings.ts';
export type { ChatStore, ConversationSummary, Connection, ScreenName, SendStatus, ThreadItem, ThreadModel } from './types.ts';
