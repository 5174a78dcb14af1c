import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { httpUrl } from './httpUrl.ts';
import { ImageDialog } from './images/ImageDialog.tsx';
import { useT } from './i18n/I18n.tsx';

/**
 * An image message. Only an http(s) `media_url` becomes an `<img>`: a `javascript:` or `data:` URL from another
 * sender is never loaded. It opens larger in {@link ImageDialog}.
 */
export function MessageImage({ url, sender }: { url: string | null; sender: string }) {
  const t = useT();
  const src = url === null ? null : httpUrl(url);
  const open = useSignal(false);
  const button = useRef<HTMLButtonElement>(null);
  if (src === null) return <p class="tc-msg-note">{t('imageUnavailable')}</p>;
  const label = t('imageFrom', { name: sender });
  // A button around the image: it opens larger in a dialog (issue 6, item 2); its name is the image's alt text.
  return (
    <>
      <button ref={button} type="button" class="tc-msg-image-button" aria-haspopup="dialog" onClick={() => (open.value = true)}>
        <img class="tc-msg-image" src={src} alt={label} loading="lazy" decoding="async" referrerpolicy="no-referrer" />
      </button>
      {open.value && <ImageDialog src={src} label={label} returnTo={button.current} onClose={() => (open.value = false)} />}
    </>
  );
}
