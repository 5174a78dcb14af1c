/**
 * The module entry: no side effects on import (nothing is defined or rendered until asked), safe to import
 * on a server. `mount()` or `defineTinyChat()` put the widget to work.
 */
export { defineTinyChat, TinyChatElement, type Identity, type WidgetMode } from './element/TinyChatElement.ts';
export { mount, type Mounted, type MountOptions } from './element/mount.ts';
export { commandQueue, type TinyChatCommand } from './element/commandQueue.ts';
export * from './transport/errors/index.ts';
export type * from './transport/types.ts';
export type { ChatStore, ConversationSummary, SendStatus, Sentence, ThreadItem, ThreadModel } from './state/types.ts';
