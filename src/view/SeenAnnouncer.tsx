import { useRef } from 'preact/hooks';
import { useT } from './I18n.tsx';

/**
 * Says "Seen" once, politely, when someone else reads one of the visitor's messages while the thread is open: a
 * new node per newly seen message, so each is read once. What was already seen when the thread opened is not news.
 * @param seenKey - the key of the latest own message someone else has read
 */
export function SeenAnnouncer({ seenKey }: { seenKey: string | undefined }) {
  const t = useT();
  const first = useRef(seenKey);
  const news = seenKey !== undefined && seenKey !== first.current;
  return (
    <div class="tc-visually-hidden" aria-live="polite">
      {news && <p key={seenKey}>{t('seen')}</p>}
    </div>
  );
}
