import { lazyComponent } from '../lazyComponent.tsx';

/** {@link FailedActions}, fetched when a refused message first shows (its Retry is there from the start). */
export const LazyFailedActions = lazyComponent(() => import('./FailedActions.tsx').then((m) => m.FailedActions));
