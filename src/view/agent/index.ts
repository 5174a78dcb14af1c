/**
 * The lazy agent chunk (issue 5, item 8): loaded with `import()` only when a bot is configured, so a page without
 * `bot-id` never downloads the SSE client, the markdown renderer or these views.
 */
import { h } from 'preact';
import { agentStyles } from './agentStyles.ts';
import { createAgent, type AgentHost } from '../../state/agent/createAgent.ts';
import type { AgentFeature } from '../../state/agent/AgentView.ts';
import type { ThreadModel } from '../../state/types.ts';
import { addFeatureStyles } from '../styles/featureStyles.ts';
import { AgentFooter } from './AgentFooter.tsx';
import { BotMessageBody } from './BotMessageBody.tsx';
import { TalkToPersonButton } from './TalkToPerson.tsx';

/** Creates the agent controller and the components bound to it. */
export function createAgentFeature(host: AgentHost): AgentFeature {
  // The agent's CSS is in this chunk too: every widget root adopts it before the agent's views first render.
  addFeatureStyles(agentStyles);
  const controller = createAgent(host);
  return {
    controller,
    senderId: controller.senderId,
    Footer: ({ thread }: { thread: ThreadModel }) => h(AgentFooter, { controller, thread }),
    HeaderAction: ({ thread }: { thread: ThreadModel }) => h(TalkToPersonButton, { controller, thread }),
    Body: BotMessageBody,
  };
}
