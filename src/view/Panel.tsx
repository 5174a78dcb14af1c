import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ChatStore } from '../state/types.ts';
import type { WidgetMode } from '../state/WidgetSettings.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { ConversationList } from './ConversationList.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { useLocale, useT } from './I18n.tsx';
import { PanelHeader } from './PanelHeader.tsx';
import { Thread } from './Thread.tsx';

/** Props of {@link Panel}. */
export interface PanelProps {
  store: ChatStore;
  mode: WidgetMode;
  id: string;
  /** Move focus into the panel when it appears (bubble mode, opened by the visitor or the element API). */
  focusOnMount: boolean;
  /** Kept true while focus is inside the panel, so ChatApp knows to hand it back to the launcher on close. */
  focusInside: RefObject<boolean>;
  /** Passed down to the composer (issue 6). */
  composerTools?: ComponentChildren;
}

/**
 * The chat panel: role=dialog "Chat" (bubble, fullscreen; not modal, the page stays usable) or role=region
 * "Chat" (inline), with the header, the connection banner, errors, and the list or the thread.
 * Focus: it moves in when the panel opens (`focusOnMount`); on every change of screen it moves to the new screen's
 * main control (the message box in a thread) if focus was in the panel, so it never falls back to the page when
 * the button that had it disappears. (Escape is ChatApp's, so it works from the launcher too.)
 */
export function Panel({ store, mode, id, focusOnMount, focusInside, composerTools }: PanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  const { tag, dir } = useLocale();
  const status = store.status.value;
  const screen = store.screen.value;
  const thread = store.thread.value;
  const dialog = mode !== 'inline';

  useEffect(() => {
    if (focusOnMount) moveFocusIn(ref.current);
  }, []);
  const first = useRef(true);
  // The conversation on screen before this one: back on the list, focus goes to its item (where the person was).
  const left = useRef<string | null>(null);
  useEffect(() => {
    const from = left.current;
    left.current = thread?.conversationId ?? null;
    if (first.current) return void (first.current = false);
    if (focusInside.current) moveFocusIn(ref.current, screen === 'list' ? from : null);
  }, [status, screen, thread]);

  return (
    <div
      ref={ref}
      id={id}
      class="tc-panel"
      part="panel"
      role={dialog ? 'dialog' : 'region'}
      // aria-label, not aria-labelledby: the contract names the panel "Chat" whatever the header says.
      aria-label={t('chat')}
      // The panel carries its language and direction (issue 6, part 5): the launcher's side is ChatApp's.
      lang={tag}
      dir={dir}
      aria-modal={dialog ? 'false' : undefined}
      tabIndex={-1}
      onFocusIn={() => (focusInside.current = true)}
      onFocusOut={(e) => {
        // Only a move to somewhere else counts as leaving; a focused button that is removed (relatedTarget null)
        // leaves focus "inside" so the next screen's control takes it.
        const next = e.relatedTarget as Node | null;
        if (next !== null && !ref.current?.contains(next)) focusInside.current = false;
      }}
    >
      <PanelHeader store={store} closable={mode === 'bubble'} />
      <ConnectionBanner connection={store.connection.value} />
      <ErrorAlert error={store.error.value} onDismiss={() => store.dismissError()} />
      {status === 'starting' && (
        <p class="tc-note" role="status">
          {t('loading')}
        </p>
      )}
      {status === 'ready' && screen === 'list' && <ConversationList store={store} />}
      {/* Keyed by conversation: another thread starts fresh (at its newest message, with its own draft). */}
      {status === 'ready' && screen === 'thread' && thread && (
        <Thread key={thread.conversationId} store={store} thread={thread} composerTools={composerTools} />
      )}
    </div>
  );
}

/**
 * The message box in a thread; on the list the item of the conversation just left (`from`), else "New
 * conversation"; else the panel itself.
 */
function moveFocusIn(panel: HTMLElement | null, from: string | null = null): void {
  if (!panel) return;
  const item = from === null ? null : [...panel.querySelectorAll<HTMLElement>('[data-conversation-id]')].find((el) => el.dataset.conversationId === from);
  const target = panel.querySelector<HTMLElement>('.tc-input') ?? item ?? panel.querySelector<HTMLElement>('.tc-new') ?? panel;
  target.focus();
}
