import { h, render } from 'preact';
import { createChatStore, type ChatEventName, type FullChatStore } from '../state/createChatStore.ts';
import { readSettings, type WidgetMode } from '../state/WidgetSettings.ts';
import { yieldToMain } from '../state/yieldToMain.ts';
import { assertPublishableKey } from '../transport/assertPublishableKey.ts';
import { createRealtimeConnector } from '../transport/createRealtimeConnector.ts';
import { createRestClient } from '../transport/createRestClient.ts';
import type { TinyChatApi, UserRole } from '../transport/types.ts';
import { ChatApp } from '../view/ChatApp.tsx';
import { loadLocale, resolveLocale, type Locale } from '../i18n/locales.ts';
import { say, type Sentence } from '../i18n/sentence.ts';
import { viewStyles } from '../view/viewStyles.ts';
import { adoptStyles } from './adoptStyles.ts';
import { restartAttributes, widgetAttributes } from './attributes.ts';

/** Who the visitor is, for {@link TinyChatElement.identify}. */
export interface Identity {
  userId: string;
  name?: string;
  email?: string;
  role?: UserRole;
}

export type { WidgetMode };

// Importing the module on a server (no DOM) must not throw; the class is only usable in a browser.
const Base: typeof HTMLElement = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/** An API whose every call fails with the same error: what a refused key leaves to call. */
function refusing(error: unknown): TinyChatApi {
  return new Proxy({} as TinyChatApi, { get: () => () => Promise.reject(error) });
}

/**
 * `<tiny-chat>`: adapts attributes and methods to the store and renders the views into an open shadow
 * root. No business logic lives here (STYLE.md rule 1).
 *
 * @example
 * ```html
 * <tiny-chat api-key="pk_live_…" user-id="u_42" user-name="Ada Lovelace"></tiny-chat>
 * ```
 */
export class TinyChatElement extends Base {
  static readonly observedAttributes = widgetAttributes;
  /** Where the API lives when `base-url` is not set; the script-tag entry sets it to the script's origin. */
  static defaultBaseUrl = '';

  #store: FullChatStore | null = null;
  #restartQueued = false;
  #rendered = false;
  #unstyle: (() => void) | null = null;

  /** The store behind the views (for tests and advanced use; its shape may change between minor versions). */
  get store(): FullChatStore | null {
    return this.#store;
  }

  connectedCallback(): void {
    if (this.#store !== null) return;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    // The agent's CSS comes with its chunk (src/view/agent/index.ts), like the other lazy features'.
    this.#unstyle?.();
    this.#unstyle = adoptStyles(root, viewStyles);
    this.#start();
  }

  disconnectedCallback(): void {
    // Moving the element (a framework re-parenting it) disconnects and reconnects in one task: keep state then.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#stop();
      this.#unstyle?.();
      this.#unstyle = null;
    });
  }

  attributeChangedCallback(name: string, previous: string | null, next: string | null): void {
    if (previous === next || this.#store === null) return;
    if (restartAttributes.has(name)) this.#queueRestart();
    else if (name === 'open') {
      if (next === null || next === 'false') this.#store.close();
      else this.#store.open();
    } else this.#render();
  }

  /** Opens the panel. */
  open(): void {
    this.#store?.open();
  }

  /** Closes the panel. */
  close(): void {
    this.#store?.close();
  }

  /** Opens the panel when closed, closes it when open. */
  toggle(): void {
    this.#store?.toggle();
  }

  /** Switches to another user (a visitor who signed in): sets the user attributes and starts over. */
  identify(identity: Identity): void {
    this.setAttribute('user-id', identity.userId);
    const optional: [string, string | undefined][] = [
      ['user-name', identity.name],
      ['user-email', identity.email],
      ['user-role', identity.role],
    ];
    for (const [name, value] of optional) {
      if (value === undefined) this.removeAttribute(name);
      else this.setAttribute(name, value);
    }
  }

  /** Sends `text` in the open conversation, opening the visitor's latest one (or a new one) first. */
  async send(text: string): Promise<void> {
    if (this.#store === null) throw new Error('The chat is not on the page yet.');
    await this.#store.sendText(text);
  }

  #emit(name: ChatEventName, detail: unknown): void {
    if (name === 'error') return this.#emitError(detail as { sentence: Sentence; fatal: boolean });
    this.dispatchEvent(new CustomEvent(`tinychat:${name}`, { detail, bubbles: true, composed: true }));
  }

  /**
   * `tinychat:error` with `{ message, code, fatal }`: the sentence the person reads, in the widget's language, and
   * its table key as a stable code for programs ("errorOffline", "errorBadKey"…). A table still loading is
   * waited for, so the message is never English in a Spanish widget.
   */
  #emitError({ sentence, fatal }: { sentence: Sentence; fatal: boolean }): void {
    const requested = this.getAttribute('locale');
    const send = ({ strings, tag }: Locale) => {
      const detail = { message: say(sentence, strings, tag), code: sentence.key, fatal };
      this.dispatchEvent(new CustomEvent('tinychat:error', { detail, bubbles: true, composed: true }));
    };
    const locale = resolveLocale(requested);
    if (locale.ready) send(locale);
    else void loadLocale(requested).then(send);
  }

  #start(): void {
    const settings = readSettings((name) => this.getAttribute(name));
    settings.baseUrl ||= TinyChatElement.defaultBaseUrl || globalThis.location?.origin || '';
    let api: TinyChatApi;
    try {
      api = createRestClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey });
    } catch (error) {
      api = refusing(error);
    }
    this.#store = createChatStore({
      settings,
      api,
      checkKey: assertPublishableKey,
      connectRealtime: (config) => createRealtimeConnector(config),
      // The agent's code (SSE client, markdown, its views) is a chunk of its own, loaded only with a bot-id.
      loadAgent: () => import('../view/agent/index.ts'),
      emit: (name, detail) => this.#emit(name, detail),
    });
    // Over the loader's facade, a working launcher already on screen, the first render waits a task: making the
    // store and drawing the views in one would be a long task on a slow phone.
    if (!this.#rendered && (this.shadowRoot?.childElementCount ?? 0) > 0) void yieldToMain().then(() => this.#render());
    else this.#render();
  }

  #stop(): void {
    if (this.shadowRoot !== null) render(null, this.shadowRoot);
    this.#rendered = false;
    this.#store?.dispose();
    this.#store = null;
  }

  #queueRestart(): void {
    if (this.#restartQueued) return;
    this.#restartQueued = true;
    // Several attributes set in a row (identify) restart once.
    queueMicrotask(() => {
      this.#restartQueued = false;
      if (!this.isConnected) return;
      // Another user or thread, same page: the panel stays as the visitor left it.
      const wasOpen = this.#store?.isOpen.peek() ?? false;
      this.#stop();
      this.#start();
      if (wasOpen) this.#store?.open();
    });
  }

  #render(): void {
    const root = this.shadowRoot;
    if (root === null || this.#store === null) return;
    // The loader's facade launcher (plain DOM) gives way to the views on the first render; a keyboard user
    // who had tabbed to it keeps focus on the real launcher.
    const facadeFocused = !this.#rendered && root.activeElement !== null;
    if (!this.#rendered) root.replaceChildren();
    this.#rendered = true;
    const mode = this.getAttribute('mode');
    render(
      h(ChatApp, {
        store: this.#store,
        mode: mode === 'inline' || mode === 'fullscreen' ? mode : 'bubble',
        locale: this.getAttribute('locale'),
        titleCount: this.getAttribute('title-count') !== 'off',
        sound: on(this.getAttribute('sound')),
        accent: this.getAttribute('accent'),
      }),
      root,
    );
    if (facadeFocused) root.querySelector('button')?.focus();
  }
}

/** A boolean attribute: present and not "off" or "false". */
function on(value: string | null): boolean {
  return value !== null && value !== 'off' && value !== 'false';
}

/** Defines `<tiny-chat>` once; later calls (a second script tag, a second bundle) do nothing. */
export function defineTinyChat(registry: CustomElementRegistry | undefined = globalThis.customElements): void {
  if (registry !== undefined && registry.get('tiny-chat') === undefined) registry.define('tiny-chat', TinyChatElement);
}
