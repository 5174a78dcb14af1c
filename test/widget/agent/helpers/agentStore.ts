import { createChatStore, type FullChatStore } from '../../../../src/state/createChatStore.ts';
import type { WidgetStorage } from '../../../../src/state/createStorage.ts';
import { readSettings } from '../../../../src/state/WidgetSettings.ts';
import { assertPublishableKey } from '../../../../src/transport/assertPublishableKey.ts';
import { createRestClient } from '../../../../src/transport/createRestClient.ts';
import { browserStorage } from '../../state/helpers.ts';

export interface AgentStoreSetup {
  url: string;
  userId: string;
  botId?: string;
  /** One browser profile's localStorage: pass the same one again for "a reload". */
  storage?: WidgetStorage;
  /** The REST client's fetch (e.g. one that loses an answer). */
  fetch?: typeof fetch;
  /** The agent's fetch (e.g. one that records the requests). */
  agentFetch?: typeof fetch;
}

/** The real store over the real server with a bot configured and the real lazy agent chunk (no realtime). */
export function makeAgentStore(setup: AgentStoreSetup): FullChatStore {
  const attributes: Record<string, string> = {
    'api-key': 'pk_test_demo',
    'base-url': setup.url,
    'user-id': setup.userId,
    'bot-id': setup.botId ?? 'demo-bot',
  };
  const settings = readSettings((name) => attributes[name]);
  const api = createRestClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, retryBaseMs: 20, ...(setup.fetch ? { fetch: setup.fetch } : {}) });
  return createChatStore({
    settings,
    api,
    checkKey: assertPublishableKey,
    connectRealtime: () => {
      throw new Error('this test runs without realtime');
    },
    whenIdle: () => {},
    storage: setup.storage ?? browserStorage(),
    sessionStorage: browserStorage(),
    loadAgent: () => import('../../../../src/view/agent/index.ts'),
    agentFetch: setup.agentFetch,
  });
}

/** A fetch that records each agent request's body. */
export function recordingFetch(): { fetch: typeof fetch; bodies: { botId: string; messages: { role: string; content: string }[] }[] } {
  const bodies: { botId: string; messages: { role: string; content: string }[] }[] = [];
  return {
    bodies,
    fetch: async (input, init) => {
      if (typeof init?.body === 'string') bodies.push(JSON.parse(init.body) as (typeof bodies)[number]);
      return fetch(input, init);
    },
  };
}
