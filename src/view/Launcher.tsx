import type { Ref } from 'preact';
import type { ChatStore } from '../state/types.ts';
import { useT } from './I18n.tsx';
import { ChatIcon, CloseIcon } from './icons.tsx';

/** Props of {@link Launcher}. */
export interface LauncherProps {
  store: ChatStore;
  /** The panel's id, for `aria-controls`. */
  panelId: string;
  /** Where focus returns when the panel closes. */
  buttonRef: Ref<HTMLButtonElement>;
}

/**
 * The round button of bubble mode: "Open chat" / "Close chat" with `aria-expanded`, and the unread badge, whose
 * count is part of the name ("Open chat, 2 unread") because the badge itself is hidden from assistive technology.
 */
export function Launcher({ store, panelId, buttonRef }: LauncherProps) {
  const open = store.isOpen.value;
  const unread = store.unreadTotal.value;
  const t = useT();
  const name = t(open ? 'closeChat' : 'openChat') + (unread > 0 ? t('unreadSuffix', { count: unread }) : '');
  return (
    <button
      ref={buttonRef}
      type="button"
      class="tc-launcher"
      part="launcher"
      aria-label={name}
      aria-expanded={open ? 'true' : 'false'}
      aria-controls={open ? panelId : undefined}
      onClick={() => store.toggle()}
    >
      {open ? <CloseIcon /> : <ChatIcon />}
      {unread > 0 && (
        <span class="tc-badge tc-launcher-badge" part="badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </button>
  );
}
