import { lazyComponent } from '../lazyComponent.tsx';
import { withFeatureStyles } from '../styles/featureStyles.ts';

/**
 * The upload tray (previews, progress, refusals) and its CSS are a chunk of their own: the thread renders it only
 * once there is an upload or a refusal, and it is fetched early on intent (pointer over or focus on "Attach
 * image", a drag of files over the thread).
 */
export const LazyUploadTray = lazyComponent(() => withFeatureStyles(import('./UploadTray.tsx'), (m) => m.uploadStyles).then((m) => m.UploadTray));
/** Starts loading the tray's code. */
export const preloadUploadTray = (): void => void LazyUploadTray.preload().catch(() => undefined);
