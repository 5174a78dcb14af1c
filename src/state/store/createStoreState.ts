import { batch, signal, type Signal } from '@preact/signals';
import { createNameBook, type NameBook } from '../createNameBook.ts';
import type { Conversation, TinyChatApi, TinyChatConfig } from '../../transport/types.ts';
import type { AgentFeature } from '../agent/AgentView.ts';
import { anonymousId } from '../anonymousId.ts';
import type { WidgetStorage } from '../createStorage.ts';
import type { Thread } from '../createThread.ts';
import { isTransient, sentenceOf } from '../failure.ts';
import type { Sentence } from '../types.ts';
import type { WidgetSettings } from '../WidgetSettings.ts';

/** What the element tells the page (`tinychat:*` DOM events). */
export type ChatEventName = 'ready' | 'open' | 'close' | 'message' | 'unread' | 'error' | 'read';

/** What every part of the store shares: the settings, the signals several parts write, and how to fail. */
export interface StoreState {
  readonly settings: WidgetSettings;
  readonly api: TinyChatApi;
  readonly storage: WidgetStorage;
  emit(name: ChatEventName, detail: unknown): void;
  readonly userId: Signal<string>;
  readonly status: Signal<'starting' | 'ready' | 'error'>;
  readonly error: Signal<Sentence | null>;
  /** The error cannot be dismissed: the widget cannot work. */
  readonly fatal: Signal<boolean>;
  /** Inline and fullscreen panels are always on screen: they are "open" for reading and unread counts. */
  readonly alwaysOpen: boolean;
  readonly isOpen: Signal<boolean>;
  /** The conversation the panel shows (remembered across reloads with `isOpen`). */
  readonly openId: Signal<string | null>;
  readonly thread: Signal<Thread | null>;
  readonly conversations: Signal<readonly Conversation[]>;
  readonly agent: Signal<AgentFeature | null>;
  /** Display names known for user ids (own name, the server's `sender_name`/`participant_names`, typing events). */
  readonly names: NameBook;
  /** The tenant's name from `/v1/config` once the session has it. */
  readonly tenantName: Signal<string | null>;
  /** `/v1/config`, once the session has it. */
  config: TinyChatConfig | null;
  /** Set once by `dispose()`: every late answer is dropped. */
  disposed: boolean;
  /** Remembers `isOpen` and `openId` for the next page load. */
  saveUi(): void;
  /** The panel shows this conversation and the page is visible: what arrives there is read. */
  reading(conversationId: string): boolean;
  /** Shows what went wrong (`sentence`, by default the one for `e`) and tells the page (`tinychat:error`). */
  fail(e: unknown, isFatal?: boolean, sentence?: Sentence): void;
  /** The service answers again, or the device is back online: an error about the connection goes by itself. */
  clearPassingError(): void;
}

/** Builds the shared state from the settings and the remembered UI state of this visitor. */
export function createStoreState(settings: WidgetSettings, api: TinyChatApi, storage: WidgetStorage, emit: (name: ChatEventName, detail: unknown) => void): StoreState {
  const userId = signal(settings.userId ?? anonymousId(storage));
  const ui = storage.get<{ open?: boolean; conversationId?: string | null }>(`ui:${userId.value}`) ?? {};
  const alwaysOpen = settings.mode !== 'bubble';
  const names = createNameBook({ userId: userId.value, name: settings.userName });
  const status = signal<'starting' | 'ready' | 'error'>('starting');
  const error = signal<Sentence | null>(null);
  const fatal = signal(false);
  const isOpen = signal(alwaysOpen || (ui.open ?? settings.open));
  const openId = signal<string | null>(ui.conversationId ?? null);
  const thread = signal<Thread | null>(null);
  // The alert shows a connection's fault (offline, unreachable, 5xx): it goes once the cause is gone.
  let errorPasses = false;
  const state: StoreState = {
    settings,
    api,
    storage,
    emit,
    userId,
    status,
    error,
    fatal,
    alwaysOpen,
    isOpen,
    openId,
    thread,
    conversations: signal<readonly Conversation[]>([]),
    agent: signal<AgentFeature | null>(null),
    names,
    tenantName: signal<string | null>(null),
    config: null,
    disposed: false,
    saveUi: () => storage.set(`ui:${userId.value}`, { open: isOpen.value, conversationId: openId.value }),
    reading: (conversationId) => isOpen.value && thread.value?.conversationId === conversationId && (globalThis.document?.visibilityState ?? 'visible') === 'visible',
    fail(e, isFatal = false, sentence = sentenceOf(e)) {
      const passes = !isFatal && isTransient(e);
      // Offline, the banner already says so, and what waits goes out once back.
      if (passes && globalThis.navigator?.onLine === false) return;
      errorPasses = passes;
      batch(() => {
        error.value = sentence;
        if (isFatal) {
          fatal.value = true;
          status.value = 'error';
        }
      });
      // The element says it in the widget's language (`tinychat:error` detail `{ message, code, fatal }`).
      emit('error', { sentence, fatal: isFatal });
    },
    clearPassingError() {
      if (errorPasses) error.value = null;
    },
  };
  return state;
}
