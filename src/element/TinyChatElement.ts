import { h, render } from 'preact';
import { createChatStore, type ChatEventName, type FullChatStore } from '../state/createChatStore.ts';
import { readSettings, type WidgetMode } from '../state/WidgetSettings.ts';
import { yieldToMain } from '../state/yieldToMain.ts';
import { assertPublishableKey } from '../transport/assertPublishableKey.ts';
import { createRealtimeConnector } from '../transport/createRealtimeConnector.ts';
import { createRestClient } from '../transport/createRestClient.ts';
import { createUserToken } from '../transport/createUserToken.ts';
import type { TinyChatApi } from '../transport/types.ts';
import { ChatApp } from '../view/ChatApp.tsx';
import { say, type Sentence } from '../i18n/sentence.ts';
import { viewStyles } from '../view/viewStyles.ts';
import { adoptStyles } from './adoptStyles.ts';
import { inLocale } from './inLocale.ts';
import { on } from './on.ts';
import { refusing } from './refusing.ts';
import { setIdentity, type Identity, type UserTokenProvider } from './Identity.ts';
import { restartAttributes, widgetAttributes } from './attributes.ts';
import { dispatchTinyChatEvent, type TinyChatEventDetails, type TinyChatEventMap } from './events.ts';

export type { Identity, UserTokenProvider } from './Identity.ts';

export type { WidgetMode };

// Importing the module on a server (no DOM) must not throw; the class is only usable in a browser.
const Base: typeof HTMLElement = (globalThis.HTMLElement ?? class {}) as typeof HTMLElement;

/**
 * `<tiny-chat>`: adapts attributes and methods to the store and renders the views into an open shadow
 * root. No business logic lives here.
 *
 * @tagname tiny-chat
 * @attr api-key - the tenant's publishable key (`pk_live_…`, `pk_test_…`); a secret key is refused
 * @attr base-url - where the API lives; default: the script's origin, else the page's
 * @attr user-id - the visitor's id; without it the widget makes a stable anonymous one
 * @attr user-name - the visitor's name, shown to the people they chat with
 * @attr user-email - the visitor's email
 * @attr user-role - `customer` (default), `driver`, `support`…
 * @attr bot-id - the AI agent to talk to; its code loads only when set
 * @attr agent-url - where the agent's API lives; default: `base-url`
 * @attr conversation-kind - the kind of thread to open (`support` default)
 * @attr external-ref - pins one thread (get-or-create); default: a new thread per "New conversation"
 * @attr participants - comma-separated ids of the others in a new thread (`support` default)
 * @attr mode - `bubble` (default), `inline` or `fullscreen`
 * @attr open - present: the panel is open
 * @attr theme - `light` (default), `dark` or `auto`
 * @attr locale - a table's language (`es`, `ar-EG`); default: the browser's languages, then English
 * @attr accent - any CSS colour; wins over `--tinychat-accent`
 * @attr title-count - `off` keeps the unread count out of the page title
 * @attr sound - present: a chime for new messages while the chat is closed or the tab hidden
 * @attr storage-key - what the widget's storage is keyed by, instead of the api key
 * @attr greeting - shown at the top of a new thread, as written
 * @attr reply-time - how soon a person answers, words that follow "We usually reply"
 * @attr user-token - the user's signed token (signed identity), sent only to a server that asks for it
 * @fires {CustomEvent<TinyChatReadyDetail>} tinychat-ready - the widget has its user and config (also `tinychat:ready`)
 * @fires {CustomEvent<TinyChatToggleDetail>} tinychat-open - the panel opened (also `tinychat:open`)
 * @fires {CustomEvent<TinyChatToggleDetail>} tinychat-close - the panel closed (also `tinychat:close`)
 * @fires {CustomEvent<TinyChatMessageDetail>} tinychat-message - a message arrived or was sent (also `tinychat:message`)
 * @fires {CustomEvent<TinyChatUnreadDetail>} tinychat-unread - the unread count changed (also `tinychat:unread`)
 * @fires {CustomEvent<TinyChatReadDetail>} tinychat-read - another participant read up to a message (also `tinychat:read`)
 * @fires {CustomEvent<TinyChatToggleDetail>} tinychat-token-expired - the user token is about to expire (also `tinychat:token-expired`)
 * @fires {CustomEvent<TinyChatErrorDetail>} tinychat-error - something failed; `message` is what the person reads (also `tinychat:error`)
 * @csspart launcher - the round button that opens the chat
 * @csspart badge - the launcher's unread count
 * @csspart panel - the chat panel
 * @csspart header - the panel's header
 * @csspart conversation-list - the list of the visitor's conversations
 * @csspart message-list - the scrolling log of a thread
 * @csspart message - every message (the visitor's own are also `message-mine`)
 * @csspart composer - the message form
 * @csspart input - the message box
 * @csspart send-button - the Send button
 * @cssprop --tinychat-accent - launcher, own messages, primary buttons (`#2563eb`)
 * @cssprop --tinychat-accent-fg - text on the accent (`#fff`)
 * @cssprop --tinychat-bg - panel background
 * @cssprop --tinychat-fg - panel text
 * @cssprop --tinychat-radius - panel, bubbles, inputs, buttons (`12px`)
 * @cssprop --tinychat-font - all text
 * @cssprop --tinychat-z-index - launcher and floating panel (`2147483000`)
 *
 * @example
 * ```html
 * <tiny-chat api-key="pk_live_…" user-id="u_42" user-name="Ada Lovelace"></tiny-chat>
 * ```
 */
// The interface below adds only typed overloads of addEventListener/removeEventListener, no state to initialize.
// oxlint-disable-next-line typescript/no-unsafe-declaration-merging
export class TinyChatElement extends Base {
  static readonly observedAttributes = widgetAttributes;
  /** Where the API lives when `base-url` is not set; the script-tag entry sets it to the script's origin. */
  static defaultBaseUrl = '';

  #store: FullChatStore | null = null;
  #restartQueued = false;
  #rendered = false;
  #unstyle: (() => void) | null = null;
  #token = createUserToken(() => this.#refreshToken());

  /**
   * Asked for a fresh user token shortly before the current one expires; without it (or when it fails) the element
   * fires `tinychat:token-expired` and the page sets `user-token` itself. Declared, not a field: a page may set it
   * before the element is defined, and a field would overwrite it on upgrade.
   */
  declare getUserToken: UserTokenProvider | undefined;

  /**
   * The store behind the views, for the widget's own tests and benchmarks; not part of the public API.
   * @internal
   */
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
    if (name === 'user-token') return this.#token.set(next);
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
    setIdentity(this, identity);
  }

  /** Sends `text` in the open conversation, opening the visitor's latest one (or a new one) first. */
  async send(text: string): Promise<void> {
    if (this.#store === null) throw new Error('The chat is not on the page yet.');
    await this.#store.sendText(text);
  }

  #emit(name: ChatEventName, detail: unknown): void {
    if (name === 'error') return this.#emitError(detail as { sentence: Sentence; fatal: boolean });
    dispatchTinyChatEvent(this, name, detail as TinyChatEventDetails[typeof name]);
  }

  /**
   * `tinychat-error` (and `tinychat:error`) with `{ message, code, fatal }`: the sentence the person reads, in the widget's language, and
   * its table key as a stable code for programs ("errorOffline", "errorBadKey"…). A table still loading is
   * waited for, so the message is never English in a Spanish widget.
   */
  #emitError({ sentence, fatal }: { sentence: Sentence; fatal: boolean }): void {
    inLocale(this.getAttribute('locale'), ({ strings, tag }) => {
      dispatchTinyChatEvent(this, 'error', { message: say(sentence, strings, tag), code: sentence.key, fatal });
    });
  }

  #start(): void {
    const settings = readSettings((name) => this.getAttribute(name));
    settings.baseUrl ||= TinyChatElement.defaultBaseUrl || globalThis.location?.origin || '';
    let api: TinyChatApi;
    try {
      api = createRestClient({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, userToken: this.#token.current, renewUserToken: () => this.#token.renew() });
    } catch (error) {
      api = refusing(error);
    }
    this.#store = createChatStore({
      settings,
      api,
      checkKey: assertPublishableKey,
      connectRealtime: (config) => createRealtimeConnector(config, { accessToken: async () => this.#token.current() ?? null, onTokenChange: this.#token.onChange }),
      onConfig: (config) => this.#token.enable(config.features?.includes('identity') === true),
      // The agent's code (SSE client, markdown, its views) is a chunk of its own, loaded only with a bot-id.
      loadAgent: () => import('../view/agent/index.ts'),
      emit: (name, detail) => this.#emit(name, detail),
    });
    // Over the loader's facade, a working launcher already on screen, the first render waits a task: making the
    // store and drawing the views in one would be a long task on a slow phone.
    if (!this.#rendered && (this.shadowRoot?.childElementCount ?? 0) > 0) void yieldToMain().then(() => this.#render());
    else this.#render();
  }

  /** The page's getUserToken(), else `tinychat:token-expired` for the page to set a fresh `user-token`. */
  #refreshToken(): void {
    const expired = (): void => dispatchTinyChatEvent(this, 'token-expired', {});
    if (this.getUserToken === undefined) return expired();
    Promise.resolve()
      .then(this.getUserToken)
      .then((token) => this.setAttribute('user-token', token), expired);
  }

  #stop(): void {
    this.#token.enable(false);
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
    // The loader's facade launcher (plain DOM) gives way to the views on the first render; focus that was on it
    // goes into the panel its click opened (Enter before the widget arrived: the Panel moves it in, as on any
    // open), else onto the real launcher.
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
        welcome: { greeting: this.getAttribute('greeting')?.trim() || null, replyTime: this.getAttribute('reply-time')?.trim() || null },
        openedByVisitor: facadeFocused,
      }),
      root,
    );
    if (facadeFocused && !this.#store.isOpen.peek()) root.querySelector('button')?.focus();
  }
}

/** The events of `<tiny-chat>`: every element's, and the widget's own ({@link TinyChatEventMap}). */
export interface TinyChatElementEventMap extends HTMLElementEventMap, TinyChatEventMap {}

// Typed listeners for the widget's events, the way lib.dom types an element's own (`addEventListener('click', …)`).
export interface TinyChatElement {
  addEventListener<K extends keyof TinyChatElementEventMap>(
    type: K,
    listener: (this: TinyChatElement, event: TinyChatElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TinyChatElementEventMap>(
    type: K,
    listener: (this: TinyChatElement, event: TinyChatElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'tiny-chat': TinyChatElement;
  }
}

/** Defines `<tiny-chat>` once; later calls (a second script tag, a second bundle) do nothing. */
export function defineTinyChat(registry: CustomElementRegistry | undefined = globalThis.customElements): void {
  if (registry !== undefined && registry.get('tiny-chat') === undefined) registry.define('tiny-chat', TinyChatElement);
}
