import { useLayoutEffect, useRef } from 'preact/hooks';
import { useT } from '../I18n.tsx';
// Its CSS travels in its chunk (src/view/styles/featureStyles.ts).
export { imageDialogStyles } from '../styles/imageDialogStyles.ts';

/** Props of {@link ImageDialog}. */
export interface ImageDialogProps {
  src: string;
  /** The dialog's name and the image's text alternative ("Image from Sam"). */
  label: string;
  /** Called on Close, Escape or a click outside the image; focus then goes back to `returnTo`. */
  onClose: () => void;
  returnTo: HTMLElement | null;
}

/**
 * An image shown larger, as a modal `<dialog>` (role=dialog, named by `label`): focus moves to "Close image",
 * Tab stays inside, Escape closes without closing the chat panel around it, and focus goes back to the image
 * that opened it. The top layer keeps it above the page whatever the panel's position or overflow.
 */
export function ImageDialog({ src, label, onClose, returnTo }: ImageDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    close.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      returnTo?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      class="tc-image-dialog"
      aria-label={label}
      // The browser's own Escape handling (cancel) would close it without telling us.
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Not the panel's Escape: only this dialog closes.
          e.stopPropagation();
          e.preventDefault();
          onClose();
        } else if (e.key === 'Tab') {
          // One control inside: Tab and Shift+Tab stay on it.
          e.preventDefault();
          close.current?.focus();
        }
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <img class="tc-image-full" src={src} alt={label} referrerpolicy="no-referrer" />
      <button ref={close} type="button" class="tc-image-close" onClick={onClose}>
        {t('closeImage')}
      </button>
    </dialog>
  );
}
