import { lazyComponent } from '../lazyComponent.tsx';
import { withFeatureStyles } from '../styles/featureStyles.ts';

/**
 * An image message (MessageImage.tsx: the http(s) check, the button that opens the dialog) and its CSS are a chunk
 * of their own, fetched when a row with an image first renders: threads without images never load it. The image
 * shows when it arrives, as an image does anyway; the log re-measures the row.
 */
export const LazyMessageImage = lazyComponent(() => withFeatureStyles(import('../MessageImage.tsx'), (m) => m.messageImageStyles).then((m) => m.MessageImage));
