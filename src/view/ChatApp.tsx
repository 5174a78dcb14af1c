import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import type { ChatStore } from '../state/types.ts';
import type { WidgetMode } from '../state/WidgetSettings.ts';
import { warmDrafts } from './drafts.ts';
import { warmFormatters } from './formatTime.ts';
import { I18nProvider, resolveLocale } from './I18n.tsx';
import { loadLocale } from '../i18n/locales.ts';
import { Launcher } from './Launcher.tsx';
import { useVisualViewport } from './mobile/useVisualViewport.ts';
import { useNotifications } from './notify/useNotifications.ts';
import { Panel } from './Panel.tsx';
import type { WelcomeText } from './Welcome.tsx';

/** Props of {@link ChatApp}. */
export interface ChatAppProps {
  store: ChatStore;
  /**
   * bubble: launcher + floating panel; inline: the panel fills its container; fullscreen: it fills the viewport.
   * @defaultValue 'bubble'
   */
  mode?: WidgetMode;
  /** Extra controls before the message box ("Attach image"). */
  composerTools?: ComponentChildren;
  /**
   * The `locale` attribute ("es", "ar-EG"…); null or unknown = the browser's languages, then English.
   * @defaultValue null
   */
  locale?: string | null;
  /** The unread count in the page title while the chat is not looked at (`title-count="off"` turns it off). @defaultValue true */
  titleCount?: boolean;
  /** A chime for new messages from others while the chat is not looked at (`sound`). @defaultValue false */
  sound?: boolean;
  /** The accent colour (`accent` attribute), over `--tinychat-accent`; anything not a CSS colour is ignored. @defaultValue null */
  accent?: string | null;
  /** The `greeting` and `reply-time` attributes, for the top of a new thread. @defaultValue none: the default greeting */
  welcome?: WelcomeText;
  /**
   * A panel open at the first render was opened by the visitor (a click or Enter on the loader's launcher before the
   * widget arrived), not restored from before: focus moves into it as on any open. @defaultValue false
   */
  openedByVisitor?: boolean;
}

/**
 * The widget's root view. In bubble mode: the launcher, and the panel while `store.isOpen`; opening moves focus
 * into the panel (not when the open state was restored at load), closing hands it back to the launcher when it
 * was in the panel. Inline and fullscreen modes have no launcher and always show
 * the panel (the host page decides where and whether the element is shown).
 * Views only read signals and call store actions.
 *
 * @example
 * render(<ChatApp store={createChatStore(options)} mode="bubble" />, shadowRoot);
 */
export function ChatApp({ store, mode = 'bubble', composerTools, locale = null, titleCount = true, sound = false, accent = null, welcome, openedByVisitor = false }: ChatAppProps) {
  // Other languages' tables load on demand; until then the widget reads English, then re-renders once.
  const [tables, setTables] = useState(0);
  const resolved = useMemo(() => resolveLocale(locale), [locale, tables]);
  useEffect(() => {
    if (!resolved.ready) void loadLocale(locale).then((l) => l.ready && setTables((n) => n + 1));
  }, [resolved, locale]);
  const bubble = mode === 'bubble';
  const open = !bubble || store.isOpen.value;
  const launcher = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  // A panel over the page follows the visual viewport (the on-screen keyboard); an inline one is the page's to lay out.
  useVisualViewport(root, open && mode !== 'inline');
  const focusInside = useRef(false);
  const wasOpen = useRef(open);
  // A panel already open at the first render was restored (a reload): taking focus then would pull a person
  // who just loaded the page into the widget. Every later open (launcher, element API) moves focus in.
  const restoredOpen = useRef(open && !openedByVisitor);
  const panelId = `tc-panel-${useId()}`;
  const accentColor = accent !== null && globalThis.CSS?.supports?.('color', accent) ? accent : undefined;

  // Pay for Intl's locale data and the storage area while the page is idle, not in the click that opens a thread.
  useEffect(() => {
    // One idle callback each: the first Intl formatter loads locale data, long enough on its own on a slow phone.
    const steps = [() => warmFormatters(resolved.tag), warmDrafts];
    if (typeof requestIdleCallback === 'function') {
      const ids = steps.map((step) => requestIdleCallback(step, { timeout: 2000 }));
      return () => ids.forEach(cancelIdleCallback);
    }
    const ids = steps.map((step) => setTimeout(step, 200));
    return () => ids.forEach(clearTimeout);
  }, [resolved.tag]);

  useEffect(() => {
    if (wasOpen.current && !open && focusInside.current) launcher.current?.focus();
    if (!open) {
      focusInside.current = false;
      restoredOpen.current = false;
    }
    wasOpen.current = open;
  }, [open]);

  return (
    <I18nProvider locale={resolved}>
      <Notifications store={store} open={open} titleCount={titleCount} sound={sound} />
      <div
        ref={root}
        class={`tc-app tc-mode-${mode}`}
        // Language and direction for the whole widget: in right-to-left the launcher moves to the bottom-left and
        // the layout mirrors through logical CSS properties.
        lang={resolved.tag}
        dir={resolved.dir}
        // A custom property set through the CSSOM (Preact's style object), which a strict style-src CSP allows.
        style={accentColor === undefined ? undefined : { '--tc-accent': accentColor }}
        data-open={open ? 'true' : 'false'}
        // Escape closes the floating panel from anywhere in the widget (panel or launcher); not while an IME
        // composition uses Escape to cancel itself, and never in inline/fullscreen modes, which have nothing to close.
        onKeyDown={(e) => {
          if (e.key === 'Escape' && bubble && open && !e.isComposing) {
            e.stopPropagation();
            store.close();
          }
        }}
      >
        {/* The launcher comes first so Tab goes from it into the open panel. */}
        {bubble && <Launcher store={store} panelId={panelId} buttonRef={launcher} />}
        {open && (
          <Panel store={store} mode={mode} id={panelId} focusOnMount={bubble && !restoredOpen.current} focusInside={focusInside} composerTools={composerTools} welcome={welcome} />
        )}
      </div>
    </I18nProvider>
  );
}

/** The title count and the chime, inside the provider so the title is written in the visitor's language. */
function Notifications({ store, open, titleCount, sound }: { store: ChatStore; open: boolean; titleCount: boolean; sound: boolean }) {
  useNotifications({ unread: store.unreadTotal.value, open, titleCount, sound });
  return null;
}
