import { lazyComponent } from './lazyComponent.tsx';
import { withFeatureStyles } from './styles/featureStyles.ts';

/**
 * The conversation list and its CSS are a chunk of their own: a first visit opens straight into a thread and
 * never needs it. Fetched when the list first renders (a returning visitor who left it on the list), or earlier
 * on intent (a pointer over, or focus on, "Back to conversations").
 */
export const LazyConversationList = lazyComponent(() => withFeatureStyles(import('./listChunk.ts'), (m) => m.listStyles).then((m) => m.ConversationList));

/** Starts loading the list's code. */
export const preloadList = (): void => void LazyConversationList.preload().catch(() => undefined);
