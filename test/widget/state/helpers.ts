import { vi } from 'vitest';
import { createChatStore, type FullChatStore } from '../../../src/state/createChatStore.ts';
import type { WidgetStorage } from '../../../src/state/createStorage.ts';
import { readSettings, type WidgetSettings } from '../../../src/state/WidgetSettings.ts';
import { assertPublishableKey } from '../../../src/transport/assertPublishableKey.ts';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import type { RealtimeConnector, TinyChatApi, TinyChatConfig } from '../../../src/transport/types.ts';

/** localStorage as one browser profile keeps it: shared by every store made over it (a reload). */
export function browserStorage(): WidgetStorage {
  const map = new Map<string, string>();
  return {
    get: <T>(key: string) => (map.has(key) ? (JSON.parse(map.get(key) ?? 'null') as T) : undefined),
    set: (key, value) => void map.set(key, JSON.stringify(value)),
    remove: (key) => void map.delete(key),
  };
}

export interface StoreSetup {
  url: string;
  attributes?: Record<string, string>;
  fetch?: typeof fetch;
  storage?: WidgetStorage;
  session?: WidgetStorage;
  realtime?: (config: TinyChatConfig) => RealtimeConnector;
}

/** The real store over the real REST client; realtime only when a connector is given. */
export function makeStore(setup: StoreSetup): { store: FullChatStore; settings: WidgetSettings; api: TinyChatApi } {
  const attributes: Record<string, string> = { 'api-key': 'pk_test_demo', 'base-url': setup.url, ...setup.attributes };
  const settings = readSettings((name) => attributes[name]);
  let api: TinyChatApi;
  try {
    api = createRestClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, retryBaseMs: 20, ...(setup.fetch ? { fetch: setup.fetch } : {}) });
  } catch (error) {
    api = new Proxy({} as TinyChatApi, { get: () => () => Promise.reject(error) });
  }
  const store = createChatStore({
    settings,
    api,
    checkKey: assertPublishableKey,
    connectRealtime:
      setup.realtime ??
      (() => {
        throw new Error('this test runs without realtime');
      }),
    // Without a connector, realtime is never started: such tests are about REST and state.
    whenIdle: setup.realtime ? (run) => run() : () => {},
    storage: setup.storage ?? browserStorage(),
    sessionStorage: setup.session ?? browserStorage(),
  });
  return { store, settings, api };
}

/** Waits for a condition (never a fixed delay). */
export function until(check: () => boolean | undefined, message = 'condition'): Promise<void> {
  return vi.waitFor(
    () => {
      if (!check()) throw new Error(`still waiting for ${message}`);
    },
    { timeout: 15_000, interval: 10 },
  );
}
