import { batch, signal, type Signal } from '@preact/signals';
import type { Conversation, TinyChatApi, TinyChatConfig } from '../../transport/types.ts';
import type { AgentFeature } from '../agent/AgentView.ts';
import { anonymousId } from '../anonymousId.ts';
import type { WidgetStorage } from '../createStorage.ts';
import type { Thread } from '../createThread.ts';
import { sentenceOf } from '../failure.ts';
import type { Sentence } from '../types.ts';
import type { WidgetSettings } from '../WidgetSettings.ts';

/** What the element tells the page (`tinychat:*` DOM events). */
export type ChatEventName = 'ready' | 'open' | 'close' | 'message' | 'unread' | 'error';

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
  /** Display names known for user ids (own name, names from typing events). */
  readonly names: Map<string, string>;
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
}

/** Builds the shared state from the settings and the remembered UI state of this visitor. */
export function createStoreState(
  settings: WidgetSettings,
  api: TinyChatApi,
  storage: WidgetStorage,
  emit: (name: ChatEventName, detail: unknown) => void,
): StoreState {
  const userId = signal(settings.userId ?? anonymousId(storage));
  const ui = storage.get<{ open?: boolean; conversationId?: string | null }>(`ui:${userId.value}`) ?? {};
  const alwaysOpen = settings.mode !== 'bubble';
  const names = new Map<string, string>();
  if (settings.userName !== null) names.set(userId.value, settings.userName);
  const status = signal<'starting' | 'ready' | 'error'>('starting');
  const error = signal<Sentence | null>(null);
  const fatal = signal(false);
  const isOpen = signal(alwaysOpen || (ui.open ?? settings.open));
  const openId = signal<string | null>(ui.conversationId ?? null);
  const thread = signal<Thread | null>(null);
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
    config: null,
    disposed: false,
    saveUi: () => storage.set(`ui:${userId.value}`, { open: isOpen.value, conversationId: openId.value }),
    reading: (conversationId) =>
      isOpen.value && thread.value?.conversationId === conversationId && (globalThis.document?.visibilityState ?? 'visible') === 'visible',
    fail(e, isFatal = false, sentence = sentenceOf(e)) {
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
  };
  return state;
}
