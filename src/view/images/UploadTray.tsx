import { useEffect, useMemo } from 'preact/hooks';
import { useSignal, type Signal } from '@preact/signals';
import type { ThreadModel, UploadItem } from '../../state/types.ts';
import { useT } from '../I18n.tsx';
// Its CSS travels in its chunk (src/view/styles/featureStyles.ts).
export { uploadStyles } from '../styles/uploadStyles.ts';

/**
 * A preview of a file we hold: a blob: URL we made ourselves, revoked when the preview goes. A format the browser
 * cannot draw (HEIC outside Safari) shows as a plain tile, still named by the file.
 */
function Preview({ file, name }: { file: Blob; name: string }) {
  const url = useMemo(() => URL.createObjectURL(file), [file]);
  const broken = useSignal(false);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  if (broken.value) return <span class="tc-upload-preview" role="img" aria-label={name} />;
  return <img class="tc-upload-preview" src={url} alt={name} onError={() => (broken.value = true)} />;
}

function UploadRow({ thread, upload }: { thread: ThreadModel; upload: UploadItem }) {
  const t = useT();
  const failed = upload.status === 'failed';
  const name = upload.name || t('image');
  return (
    <li class="tc-upload" data-status={upload.status}>
      <Preview file={upload.file} name={name} />
      <div class="tc-upload-body">
        {failed ? (
          <p class="tc-msg-failed" role="alert">
            {t('uploadFailed', { name, reason: upload.error ? t(upload.error) : '' })}
          </p>
        ) : (
          // The upload's own progress (XHR upload events), not a spinner: value moves from 0 to 1 as bytes go out.
          <progress class="tc-upload-progress" aria-label={t('uploadingImage', { name })} max={1} value={upload.progress} />
        )}
        {failed && (
          <div class="tc-upload-buttons">
            <button type="button" class="tc-link-button" onClick={() => thread.retryUpload?.(upload.id)}>
              {t('retry')}
            </button>
            <button type="button" class="tc-link-button" onClick={() => thread.discardUpload?.(upload.id)}>
              {t('removeUpload')}
            </button>
          </div>
        )}
      </div>
    </li>
  );
}

/**
 * Above the composer: why an image was refused (role=alert, with Dismiss), and each image on its way up with
 * its preview and progress bar, or, when its upload failed, the reason with Retry and Remove.
 */
export function UploadTray({ thread, refusal }: { thread: ThreadModel; refusal: Signal<string | null> }) {
  const t = useT();
  const uploads = thread.uploads?.value ?? [];
  if (uploads.length === 0 && refusal.value === null) return null;
  return (
    <div class="tc-uploads">
      {refusal.value !== null && (
        <p class="tc-upload-refusal" role="alert">
          <span>{refusal.value}</span>{' '}
          <button type="button" class="tc-link-button" onClick={() => (refusal.value = null)}>
            {t('dismiss')}
          </button>
        </p>
      )}
      {uploads.length > 0 && (
        <ul class="tc-upload-list">
          {uploads.map((u) => (
            <UploadRow key={u.id} thread={thread} upload={u} />
          ))}
        </ul>
      )}
    </div>
  );
}
