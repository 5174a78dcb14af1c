import type { UserRole, ConversationKind } from '../transport/types.ts';
import { defineTinyChat, type TinyChatElement, type WidgetMode } from './TinyChatElement.ts';

/** Options of {@link mount}: the element's attributes in camelCase, plus where to put it. */
export interface MountOptions {
  apiKey: string;
  baseUrl?: string;
  userId?: string;
  userName?: string;
  userEmail?: string;
  userRole?: UserRole;
  botId?: string;
  agentUrl?: string;
  conversationKind?: ConversationKind;
  externalRef?: string;
  /** Other participants of a new conversation. @defaultValue ['support'] */
  participants?: readonly string[];
  /** @defaultValue 'bubble' */
  mode?: WidgetMode;
  open?: boolean;
  /** @defaultValue 'light' */
  theme?: 'light' | 'dark' | 'auto';
  /** A table's language ("es", "ar-EG"); default: the browser's languages, then English. */
  locale?: string;
  /** Any CSS colour; overrides `--tinychat-accent`. */
  accent?: string;
  /** 'off' keeps the unread count out of the page title. @defaultValue 'on' */
  titleCount?: 'on' | 'off';
  /** A chime for new messages from others while the chat is closed or the tab hidden. @defaultValue false */
  sound?: boolean;
  storageKey?: string;
  /** Shown at the top of a new thread, as written. @defaultValue a friendly greeting in the widget's language */
  greeting?: string;
  /** How soon a person answers, in words that follow "We usually reply" ("within an hour"), under the greeting. */
  replyTime?: string;
  /** @defaultValue document.body */
  target?: Element;
}

/** What {@link mount} returns: the element, and a function that takes it off the page again. */
export interface Mounted {
  element: TinyChatElement;
  unmount(): void;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Puts a `<tiny-chat>` on the page (defining the element first when needed).
 *
 * @example
 * ```ts
 * import { mount } from 'tinychat-widget';
 * const { element, unmount } = mount({ apiKey: 'pk_live_…', userId: 'u_42', userName: 'Ada' });
 * element.addEventListener('tinychat:message', (e) => console.log(e.detail));
 * ```
 */
export function mount(options: MountOptions): Mounted {
  defineTinyChat();
  const element = document.createElement('tiny-chat') as TinyChatElement;
  const { target = document.body, ...attributes } = options;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(kebab(name), value === true ? '' : Array.isArray(value) ? value.join(',') : String(value));
  }
  target.append(element);
  return { element, unmount: () => element.remove() };
}
