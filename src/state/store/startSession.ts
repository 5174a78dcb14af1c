import { batch, type Signal } from '@preact/signals';
import type { RealtimeConnector, TinyChatConfig } from '../../transport/types.ts';
import { chooseDelivery } from '../chooseDelivery.ts';
import type { Outbox } from '../createOutbox.ts';
import { createRetryLoop, type RetryLoop } from '../createRetryLoop.ts';
import type { WidgetStorage } from '../createStorage.ts';
import { isTransient, sentenceOf } from '../failure.ts';
import { loadSession } from '../loadSession.ts';
import type { Sentence } from '../types.ts';
import { yieldToMain } from '../yieldToMain.ts';
import type { ConversationList } from './createConversationList.ts';
import type { Opening } from './createOpening.ts';
import type { ServerReads } from './createServerReads.ts';
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
  /** Told the config as soon as it is known, before the user upsert. */
  onConfig?: ((config: TinyChatConfig) => void) | undefined;
}

export interface SessionStartParts {
  list: ConversationList;
  unread: Unread;
  opening: Opening;
  watching: Watching;
  outbox: Outbox;
  /** Server read state (default mode): started with the list, joined to realtime with it. */
  reads?: ServerReads;
  startAgent(): void;
  /** Why the start has not succeeded yet while it is tried again; null once started. */
  startFailure: Signal<Sentence | null>;
}

/**
 * Starts the widget: key check, config and user, the list; then 'ready' (the remembered or pinned thread opens
 * when the panel is open), unread counts, pending sends; realtime and the prefetch once the page is idle.
 * A failure that may pass (offline, unreachable, 5xx) is said in `startFailure` and tried again with backoff for as
 * long as the page is open (the returned loop's `poke()` tries at once); meanwhile a returning visitor's thread
 * shows what it held and takes messages into the outbox. Any other failure (a refused key) is fatal.
 *
 * @returns the retry loop, or null when the key was refused before anything was sent
 */
export function startSession(state: StoreState, parts: SessionStartParts, options: SessionStartOptions): RetryLoop | null {
  try {
    options.checkKey(state.settings.apiKey);
  } catch (e) {
    state.fail(e, true);
    return null;
  }
  return createRetryLoop({ attempt: () => tryStart(state, parts, options) });
}

async function tryStart(state: StoreState, parts: SessionStartParts, options: SessionStartOptions): Promise<'done' | 'again' | 'stop'> {
  const { settings, userId, status, openId, isOpen } = state;
  const { list, unread, opening, outbox, startFailure } = parts;
  try {
    const s = await loadSession(
      state.api,
      options.session,
      {
        userId: userId.value,
        userName: settings.userName,
        userEmail: settings.userEmail,
        userRole: settings.userRole,
      },
      options.onConfig,
    );
    state.config = s.config;
    chooseDelivery(outbox, s.config, state.api, state.storage, `tinychat-send:${settings.storageKey}`);
    state.tenantName.value = s.config.tenant.name || null;
    // The read-state chunk (only against a server that has it) loads while the list is fetched.
    const reads = parts.reads?.start();
    await list.refresh();
    await reads;
  } catch (e) {
    if (state.disposed) return 'stop';
    if (!isTransient(e)) {
      state.fail(e, true);
      return 'stop';
    }
    const sentence = sentenceOf(e);
    if (startFailure.peek()?.key !== sentence.key) state.emit('error', { sentence, fatal: false });
    batch(() => {
      startFailure.value = sentence;
      if (isOpen.peek()) opening.openWhileDown();
    });
    return 'again';
  }
  // The list's rows are built in a task of their own, apart from the render that 'ready' starts.
  await yieldToMain();
  if (state.disposed) return 'stop';
  startFailure.value = null;
  parts.startAgent();
  batch(() => {
    status.value = 'ready';
    if (openId.value !== null && isOpen.value) opening.show(openId.value);
    else if (isOpen.value) opening.openFirst();
  });
  state.emit('ready', { userId: userId.value });
  void unread.count();
  outbox.drain();
  state.thread.peek()?.reload();
  options.whenIdle(() => void connectAndPrefetch(state, parts, options));
  return 'done';
}

/** Realtime, the channels and the pinned thread's first page, each in a task of its own while the page is idle. */
async function connectAndPrefetch(state: StoreState, parts: SessionStartParts, options: SessionStartOptions): Promise<void> {
  const { config } = state;
  if (state.disposed || config === null) return;
  const realtime = options.connectRealtime(config);
  parts.watching.connect(realtime);
  parts.reads?.connected(realtime);
  await yieldToMain();
  if (state.disposed) return;
  parts.watching.watchAll();
  await yieldToMain();
  if (!state.disposed) void parts.opening.prefetch();
}
