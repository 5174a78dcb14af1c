import { useRef } from 'preact/hooks';
import { useT } from '../I18n.tsx';
import { preloadUploadTray } from './lazyUploadTray.ts';

/** What the file picker offers; HEIC by extension too, as some systems give it no type. */
const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp,image/heic,.heic';

/** "Attach image": a button that opens the file picker (a hidden file input), for the composer's tools slot. */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        class="tc-attach"
        aria-label={t('attachImage')}
        title={t('attachImage')}
        onPointerEnter={preloadUploadTray}
        onFocus={preloadUploadTray}
        onClick={() => input.current?.click()}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5H9v9a3 3 0 0 0 6 0V5a4.5 4.5 0 0 0-9 0v11.5a6 6 0 0 0 12 0v-10z" />
        </svg>
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared so that picking the same file again (after a refusal) fires change again.
          e.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
