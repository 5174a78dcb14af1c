import { lazyComponent } from '../lazyComponent.tsx';
import { withFeatureStyles } from '../styles/featureStyles.ts';

// Edit and Delete are used by few visitors: their code (the edit box, "Delete this message?") and its CSS are a
// chunk of their own, fetched when Edit or Delete is first pressed, or earlier on intent (pointer over, or focus
// on, the button).
const load = () => withFeatureStyles(import('./MessageEditor.tsx'), (m) => m.editorStyles);

/** {@link MessageEditor}, loaded on first use. */
export const LazyMessageEditor = lazyComponent(() => load().then((m) => m.MessageEditor));
/** {@link DeleteConfirm}, loaded on first use. */
export const LazyDeleteConfirm = lazyComponent(() => load().then((m) => m.DeleteConfirm));
/** Starts loading the editor's code (both components share one chunk). */
export const preloadEditor = (): void => void LazyMessageEditor.preload().catch(() => undefined);
