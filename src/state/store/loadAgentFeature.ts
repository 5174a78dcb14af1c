import type { AgentFeature } from '../agent/AgentView.ts';
import type { AgentHost } from '../agent/createAgent.ts';
import type { Outbox } from '../createOutbox.ts';
import type { StoreState } from './createStoreState.ts';

/** Options of the agent: how its chunk is loaded, and what it fetches with. */
export interface AgentOptions {
  /**
   * Loads the agent chunk (`import()`), called only when `settings.botId` is set, so a page without a bot never
   * loads agent code. Without it the bot settings are ignored.
   */
  loadAgent?(): Promise<{ createAgentFeature(host: AgentHost): AgentFeature }>;
  /** Passed to the agent (tests: a fetch of their own). */
  agentFetch?: typeof fetch;
}

/**
 * Starts loading the agent chunk at once (in parallel with the session: it is there by the time the thread
 * shows) and returns what makes the agent once the session started; `state.agent` holds it then.
 */
export function loadAgentFeature(state: StoreState, outbox: Outbox, options: AgentOptions): () => void {
  const { settings, api, agent, userId, thread, storage } = state;
  const botId = settings.botId;
  const module = botId !== null ? options.loadAgent?.() : undefined;
  module?.catch(() => {});
  return () => {
    if (module === undefined || botId === null) return;
    // The session's cached config may be hours old: the agent's health is asked again on each page load.
    const fresh = api.getConfig().then(
      (c) => c,
      () => state.config,
    );
    Promise.all([module, fresh]).then(
      ([{ createAgentFeature }, current]) => {
        if (state.disposed) return;
        agent.value = createAgentFeature({
          botId,
          // Without `agent-url` the agent is asked at the widget's own API origin (the local server serves both).
          agentUrl: settings.agentUrl ?? settings.baseUrl,
          userId: userId.value,
          healthy: current?.agent?.healthy !== false,
          items: (id) => {
            const open = thread.peek();
            return open?.conversationId === id ? open.items.peek() : null;
          },
          post: (id, senderId, body) => void outbox.add(id, { sender_id: senderId, body, message_type: 'text' }),
          storage,
          fetch: options.agentFetch,
        });
      },
      (e: unknown) => state.fail(e, false, { key: 'errorAgentNotLoaded' }),
    );
  };
}
