import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ChatStore } from '../state/types.ts';
import type { WidgetMode } from '../state/WidgetSettings.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { LazyConversationList } from './lazyConversationList.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { LazyInbox } from './inbox/lazyInbox.ts';
import { useLocale, useT } from './I18n.tsx';
import { PanelHeader } from './PanelHeader.tsx';
import { StartupProblem } from './StartupProblem.tsx';
import { Thread } from './Thread.tsx';
import type { WelcomeText } from './Welcome.tsx';

/** Props of {@link Panel}. */
export interface PanelProps {
  store: ChatStore;
  mode: WidgetMode;
  id: string;
  /** Move focus into the panel when it appears (bubble mode, opened by the visitor or the element API). */
  focusOnMount: boolean;
  /** Kept true while focus is inside the panel, so ChatApp knows to hand it back to the launcher on close. */
  focusInside: RefObject<boolean>;
  /** Passed down to the composer. */
  composerTools?: ComponentChildren;
  /** The top of a new thread. */
  welcome?: WelcomeText | undefined;
}

/**
 * The chat panel: role=dialog "Chat" (bubble, fullscreen; not modal, the page stays usable) or role=region
 * "Chat" (inline), with the header, the connection banner, errors, and the list or the thread.
 * Focus: it moves in when the panel opens (`focusOnMount`); on every change of screen it moves to the new screen's
 * main control (the message box in a thread) if focus was in the panel, so it never falls back to the page when
 * the button that had it disappears. (Escape is ChatApp's, so it works from the launcher too.)
 */
export function Panel({ store, mode, id, focusOnMount, focusInside, composerTools, welcome }: PanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useT();
  const { tag, dir } = useLocale();
  const status = store.status.value;
  const screen = store.screen.value;
  const thread = store.thread.value;
  const dialog = mode !== 'inline';
  // A support person or admin on a page of its own (inline, fullscreen) gets the inbox, a chunk of its own: the
  // list beside the thread when wide, no "New conversation", visitors named.
  const inbox = mode !== 'bubble' && (store.role === 'support' || store.role === 'admin');
  const startFailure = store.startFailure?.value ?? null;
  const connection = store.connection.value;

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
      // The panel carries its language and direction: the launcher's side is ChatApp's.
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
      {!inbox && <PanelHeader store={store} closable={mode === 'bubble'} />}
      <ConnectionBanner connection={connection} />
      <ErrorAlert error={store.error.value} onDismiss={() => store.dismissError()} />
      {status === 'starting' && startFailure === null && (
        <p class="tc-note" role="status">
          {t('loading')}
        </p>
      )}
      {status === 'starting' && startFailure !== null && <StartupProblem store={store} failure={startFailure} offline={connection === 'offline'} />}
      {status === 'ready' && inbox && <LazyInbox store={store} composerTools={composerTools} />}
      {status === 'ready' && !inbox && screen === 'list' && <LazyConversationList store={store} />}
      {/* Keyed by conversation (a draft's key stays with the thread it became): another thread starts fresh (at its newest message, with its own draft). */}
      {/* Also while the start is retried: a returning visitor's thread shows what it held, and takes messages. */}
      {status !== 'error' && !inbox && screen === 'thread' && thread && (
        <Thread key={thread.viewKey ?? thread.conversationId} store={store} thread={thread} composerTools={composerTools} welcome={welcome} />
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
