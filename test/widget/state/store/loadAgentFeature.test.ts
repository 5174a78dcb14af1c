// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadAgentFeature } from '../../../../src/state/store/loadAgentFeature.ts';
import { until } from '../helpers.ts';
import { makeOutbox, makeState } from './helpers.ts';

// Nothing listens here: the agent's fresh health check fails and the session's config (none) decides.
const url = 'http://127.0.0.1:9';

describe('loadAgentFeature', () => {
  it('never loads the agent chunk without a bot', () => {
    const { state } = makeState({ url });
    let loads = 0;
    const start = loadAgentFeature(state, makeOutbox(state), { loadAgent: () => (loads++, import('../../../../src/view/agent/index.ts')) });
    start();
    expect(loads).toBe(0);
    expect(state.agent.value).toBeNull();
  });

  it('with a bot, loads the chunk at once and makes the agent once the session started', async () => {
    const { state } = makeState({ url, attributes: { 'user-id': 'u_agent_1', 'bot-id': 'demo-bot' } });
    let loads = 0;
    const start = loadAgentFeature(state, makeOutbox(state), { loadAgent: () => (loads++, import('../../../../src/view/agent/index.ts')) });
    expect(loads).toBe(1);
    expect(state.agent.value).toBeNull();
    start();
    await until(() => state.agent.value !== null, 'the agent');
    expect(state.agent.value?.senderId).toBe('bot:demo-bot');
    expect(state.agent.value?.controller.healthy).toBe(true);
    state.agent.value?.controller.dispose();
  });

  it('a chunk that cannot load is said in a sentence, and the widget goes on', async () => {
    const { state, events } = makeState({ url, attributes: { 'bot-id': 'demo-bot' } });
    const start = loadAgentFeature(state, makeOutbox(state), { loadAgent: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) });
    start();
    await until(() => state.error.value !== null, 'the sentence');
    expect(state.error.value).toEqual({ key: 'errorAgentNotLoaded' });
    expect(state.fatal.value).toBe(false);
    expect(events.map((e) => e.name)).toEqual(['error']);
  });
});
