import { lazyComponent } from '../lazyComponent.tsx';
import { withFeatureStyles } from '../styles/featureStyles.ts';

/**
 * An agent's message where the agent itself is not configured (the support inbox, a page without `bot-id`): the
 * same markdown and sources as in the visitor's thread, from a chunk fetched when such a row first renders.
 */
export const LazyBotMessageBody = lazyComponent(() => withFeatureStyles(import('./botBodyChunk.ts'), (m) => m.agentStyles).then((m) => m.BotMessageBody));
