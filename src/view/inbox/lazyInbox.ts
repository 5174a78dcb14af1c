import { lazyComponent } from '../lazyComponent.tsx';
import { withFeatureStyles } from '../styles/featureStyles.ts';
import type { InboxProps } from './Inbox.tsx';

/**
 * The support inbox and its CSS are a chunk of their own, fetched only for a support or admin user: visitors never
 * load it.
 */
export const LazyInbox = lazyComponent<InboxProps>(() =>
  withFeatureStyles(
    withFeatureStyles(import('./Inbox.tsx'), (m) => m.listStyles),
    (m) => m.inboxStyles,
  ).then((m) => m.Inbox),
);
