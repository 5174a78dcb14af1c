import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { httpUrl } from './httpUrl.ts';
import { lazyComponent } from './lazyComponent.tsx';
import { withFeatureStyles } from './styles/featureStyles.ts';
import { useT } from './I18n.tsx';
// Its CSS travels in its chunk (src/view/styles/featureStyles.ts).
export { messageImageStyles } from './styles/messageImageStyles.ts';

/** The larger view is a chunk of its own: fetched when an image is first opened, or on intent (pointer, focus). */
const ImageDialog = lazyComponent(() => withFeatureStyles(import('./images/ImageDialog.tsx'), (m) => m.imageDialogStyles).then((m) => m.ImageDialog));
const preloadDialog = () => void ImageDialog.preload().catch(() => undefined);

/**
 * An image message. Only an http(s) `media_url` becomes an `<img>`: a `javascript:` or `data:` URL from another
 * sender is never loaded. It opens larger in the image dialog (`images/ImageDialog.tsx`, loaded on first use).
 */
export function MessageImage({ url, sender }: { url: string | null; sender: string }) {
  const t = useT();
  const src = url === null ? null : httpUrl(url);
  const open = useSignal(false);
  const failed = useSignal(false);
  const button = useRef<HTMLButtonElement>(null);
  if (src === null || failed.value) return <p class="tc-msg-note">{t('imageUnavailable')}</p>;
  const label = t('imageFrom', { name: sender });
  // A button around the image: it opens larger in a dialog; its name is the image's alt text.
  return (
    <>
      <button
        ref={button}
        type="button"
        class="tc-msg-image-button"
        aria-haspopup="dialog"
        onPointerEnter={preloadDialog}
        onFocus={preloadDialog}
        onClick={() => (open.value = true)}
      >
        <img
          class="tc-msg-image"
          src={src}
          alt={label}
          loading="lazy"
          decoding="async"
          referrerpolicy="no-referrer"
          // Loaded: the frame stops its loading pulse; failed: it says so instead of staying an empty frame.
          onLoad={(e) => e.currentTarget.setAttribute('data-loaded', '')}
          onError={() => (failed.value = true)}
        />
      </button>
      {open.value && <ImageDialog src={src} label={label} returnTo={button.current} onClose={() => (open.value = false)} />}
    </>
  );
}
