import WebSocket from 'ws';
import { createOutbox, type Outbox } from '../../../../src/state/createOutbox.ts';
import type { WidgetStorage } from '../../../../src/state/createStorage.ts';
import { createStoreState, type ChatEventName, type StoreState } from '../../../../src/state/store/createStoreState.ts';
import { readSettings } from '../../../../src/state/WidgetSettings.ts';
import { createRealtimeConnector } from '../../../../src/transport/createRealtimeConnector.ts';
import { createRestClient } from '../../../../src/transport/createRestClient.ts';
import type { RealtimeConnectorOptions } from '../../../../src/transport/RealtimeConnectorOptions.ts';
import type { Message, RealtimeConnector, TinyChatApi } from '../../../../src/transport/types.ts';
import type { Api } from '../../../server/helpers/testServer.ts';
import { browserStorage } from '../helpers.ts';

export interface StateSetup {
  url: string;
  attributes?: Record<string, string>;
  storage?: WidgetStorage;
  fetch?: typeof fetch;
}

/** The store's shared state over the real REST client, with what it told the page. */
export function makeState(setup: StateSetup): { state: StoreState; events: { name: ChatEventName; detail: unknown }[] } {
  const attributes: Record<string, string> = { 'api-key': 'pk_test_demo', 'base-url': setup.url, ...setup.attributes };
  const settings = readSettings((name) => attributes[name]);
  let api: TinyChatApi;
  try {
    api = createRestClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, retryBaseMs: 20, ...(setup.fetch ? { fetch: setup.fetch } : {}) });
  } catch (error) {
    // The client refuses a secret key as the element does; the session's own key check is what is tested.
    api = new Proxy({} as TinyChatApi, { get: () => () => Promise.reject(error) });
  }
  const events: { name: ChatEventName; detail: unknown }[] = [];
  const state = createStoreState(settings, api, setup.storage ?? browserStorage(), (name, detail) => void events.push({ name, detail }));
  return { state, events };
}

/** The real outbox over the state's API and storage. */
export function makeOutbox(state: StoreState): Outbox {
  return createOutbox({ api: state.api, storage: state.storage, onSent: () => {} });
}

/** Lists each GET of the conversation list a fetch made. */
export function countingListFetch(): { fetch: typeof fetch; calls: () => number } {
  let n = 0;
  return {
    calls: () => n,
    fetch: (input, init) => {
      if ((init?.method ?? 'GET') === 'GET' && new URL(String(input)).pathname.endsWith('/conversations')) n += 1;
      return fetch(input, init);
    },
  };
}

/** The real realtime connector over real sockets, from the server's own /v1/config. */
export async function realConnector(state: StoreState): Promise<RealtimeConnector> {
  const config = await state.api.getConfig();
  return createRealtimeConnector(config, { transport: WebSocket as unknown as RealtimeConnectorOptions['transport'] });
}

/** A conversation of `visitor` with support, made over REST. */
export async function conversationOf(api: Api, visitor: string, externalRef?: string): Promise<string> {
  const created = await api('/v1/conversations', {
    method: 'POST',
    json: { kind: 'support', participants: [visitor, 'support'], ...(externalRef ? { external_ref: externalRef } : {}) },
  });
  return created.body.conversation.id as string;
}

/** A message from `sender` over REST. */
export async function sayAs(api: Api, conversationId: string, sender: string, body: string): Promise<Message> {
  const res = await api(`/v1/conversations/${conversationId}/messages`, { method: 'POST', json: { sender_id: sender, body } });
  return res.body.message as Message;
}
