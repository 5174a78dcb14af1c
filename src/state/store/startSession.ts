import { batch } from '@preact/signals';
import type { RealtimeConnector, TinyChatConfig } from '../../transport/types.ts';
import type { Outbox } from '../createOutbox.ts';
import type { WidgetStorage } from '../createStorage.ts';
import { loadSession } from '../loadSession.ts';
import { yieldToMain } from '../yieldToMain.ts';
import type { ConversationList } from './createConversationList.ts';
import type { Opening } from './createOpening.ts';
import type { StoreState } from './createStoreState.ts';
import type { Unread } from './createUnread.ts';
import type { Watching } from './createWatching.ts';

export interface SessionStartOptions {
  /** Refuses keys the browser must never hold (throws with the sentence to show). */
  checkKey(apiKey: string): void;
  /** This tab's storage: config and user upsert are done once per session. */
  session: WidgetStorage;
  /** When to connect realtime: after the launcher is on screen. */
  whenIdle(run: () => void): void;
  connectRealtime(config: TinyChatConfig): RealtimeConnector;
}

export interface SessionStartParts {
  list: ConversationList;
  unread: Unread;
  opening: Opening;
  watching: Watching;
  outbox: Outbox;
  startAgent(): void;
}

/**
 * Starts the widget: key check, config and user, the list; then 'ready' (the remembered or pinned thread opens
 * when the panel is open), unread counts, pending sends; realtime and the prefetch once the page is idle.
 * A failure before 'ready' is fatal: the widget cannot work.
 */
export async function startSession(state: StoreState, parts: SessionStartParts, options: SessionStartOptions): Promise<void> {
  const { settings, userId, status, openId, isOpen } = state;
  const { list, unread, opening, watching, outbox } = parts;
  try {
    options.checkKey(settings.apiKey);
  } catch (e) {
    state.fail(e, true);
    return;
  }
  try {
    const s = await loadSession(state.api, options.session, {
      userId: userId.value,
      userName: settings.userName,
      userEmail: settings.userEmail,
      userRole: settings.userRole,
    });
    state.config = s.config;
    await list.refresh();
  } catch (e) {
    if (!state.disposed) state.fail(e, true);
    return;
  }
  await yieldToMain();
  if (state.disposed) return;
  parts.startAgent();
  batch(() => {
    status.value = 'ready';
    if (openId.value !== null && isOpen.value) opening.show(openId.value);
    else if (isOpen.value) opening.openPinned();
  });
  state.emit('ready', { userId: userId.value });
  void unread.count();
  outbox.drain();
  options.whenIdle(() => void connectAndPrefetch(state, parts, options));
}

/** Realtime, the channels and the pinned thread's first page, each in a task of its own while the page is idle. */
async function connectAndPrefetch(state: StoreState, parts: SessionStartParts, options: SessionStartOptions): Promise<void> {
  const { config } = state;
  if (state.disposed || config === null) return;
  parts.watching.connect(options.connectRealtime(config));
  await yieldToMain();
  if (state.disposed) return;
  parts.watching.watchAll();
  await yieldToMain();
  if (!state.disposed) void parts.opening.prefetch();
}
