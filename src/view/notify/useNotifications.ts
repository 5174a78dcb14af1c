import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../I18n.tsx';
import { setTitleCount } from './titleCount.ts';

/** Props of {@link useNotifications}. */
export interface NotificationOptions {
  /** Messages from others not read yet (`store.unreadTotal`). */
  unread: number;
  /** Whether the panel is on screen (bubble open, or inline/fullscreen). */
  open: boolean;
  /** The count in the page title (`title-count`, on unless "off"). */
  titleCount: boolean;
  /** A chime for each new unread message (`sound`, off unless set). */
  sound: boolean;
}

/** The chime's code, fetched only when `sound` is on (most pages never make a sound); one load per page. */
let chime: Promise<typeof import('./beep.ts')> | undefined;
const loadBeep = () => (chime ??= import('./beep.ts').catch((error: unknown) => ((chime = undefined), Promise.reject(error))));

function useHidden(): boolean {
  const [hidden, setHidden] = useState(() => globalThis.document?.visibilityState === 'hidden');
  useEffect(() => {
    const update = () => setHidden(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return hidden;
}

/**
 * What a visitor who is not looking at the chat notices: while the panel is closed or the tab is
 * in the background, the page title reads "(2) Acme…" (restored once the messages are read or the panel is open and
 * the tab visible), and, when the integrator turned `sound` on, a chime for each new message from others.
 * The unread badge is the launcher's.
 */
export function useNotifications({ unread, open, titleCount, sound }: NotificationOptions): void {
  const t = useT();
  const hidden = useHidden();
  const owner = useRef({}).current;
  const away = !open || hidden;
  const count = titleCount && away ? unread : 0;
  useEffect(() => {
    setTitleCount(owner, count, (n, title) => t('titleCount', { count: n, title }));
  }, [count]);
  useEffect(() => () => setTitleCount(owner, 0, (_, title) => title), []);

  useEffect(() => {
    if (sound) void loadBeep().catch(() => undefined);
  }, [sound]);
  const previous = useRef(unread);
  useEffect(() => {
    if (sound && away && unread > previous.current)
      void loadBeep().then(
        (m) => m.beep(),
        () => undefined,
      );
    previous.current = unread;
  }, [unread]);
}
