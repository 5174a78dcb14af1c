import { httpUrl } from './httpUrl.ts';
import { useT } from './i18n/I18n.tsx';

/**
 * An image message. Only an http(s) `media_url` becomes an `<img>`: a `javascript:` or `data:` URL from another
 * sender is never loaded. Issue 6 makes it open larger in a dialog.
 */
export function MessageImage({ url, sender }: { url: string | null; sender: string }) {
  const t = useT();
  const src = url === null ? null : httpUrl(url);
  if (src === null) return <p class="tc-msg-note">{t('imageUnavailable')}</p>;
  return <img class="tc-msg-image" src={src} alt={t('imageFrom', { name: sender })} loading="lazy" decoding="async" referrerpolicy="no-referrer" />;
}
