import { lazyComponent } from '../lazyComponent.tsx';
import { withFeatureStyles } from '../styles/featureStyles.ts';

// Replies (the quote above a reply's bubble, the "Replying to" bar above the composer) and their CSS are a chunk
// of their own: fetched when a row with a quote first renders, when Reply is first pressed, or earlier on intent
// (pointer over, or focus on, Reply). A quote appears when it arrives; the log re-measures the row like an image.
const load = () => withFeatureStyles(import('./ReplyQuote.tsx'), (m) => m.replyStyles);

/** {@link ReplyQuote}, loaded on first use. */
export const LazyReplyQuote = lazyComponent(() => load().then((m) => m.ReplyQuote));
/** {@link ReplyBar}, loaded on first use. */
export const LazyReplyBar = lazyComponent(() => load().then((m) => m.ReplyBar));
/** Starts loading the replies' code (both components share one chunk). */
export const preloadReply = (): void => void LazyReplyBar.preload().catch(() => undefined);
