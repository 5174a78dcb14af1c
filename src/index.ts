/**
 * The module entry: no side effects on import (nothing is defined or rendered until asked), safe to import
 * on a server. `mount()` or `defineTinyChat()` put the widget to work.
 */
export {
  defineTinyChat,
  TinyChatElement,
  type Identity,
  type TinyChatElementEventMap,
  type WidgetMode,
} from './element/TinyChatElement.ts';
export type { TinyChatAttributes } from './element/TinyChatAttributes.ts';
export { mount, type Mounted, type MountOptions } from './element/mount.ts';
export { commandQueue, type TinyChatCommand } from './element/commandQueue.ts';
export type {
  TinyChatErrorDetail,
  TinyChatReadDetail,
  TinyChatEventDetails,
  TinyChatEventMap,
  TinyChatEventName,
  TinyChatMessageDetail,
  TinyChatReadyDetail,
  TinyChatToggleDetail,
  TinyChatUnreadDetail,
} from './element/events.ts';
export * from './errors.ts';
export type * from './transport/types.ts';
