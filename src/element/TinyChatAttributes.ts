import type { ConversationKind, UserRole } from '../transport/types.ts';
import type { WidgetAttribute } from './attributes.ts';

/**
 * The attributes of `<tiny-chat>` as a template writes them, for typing the element in JSX, Vue, Svelte and Solid
 * templates. Every value is a string in HTML; booleans are written as present or absent.
 */
export interface TinyChatAttributes {
  /** The tenant's publishable key (`pk_live_…`); a secret key is refused. */
  'api-key'?: string;
  /** Where the API lives; default: the script's origin, else the page's. */
  'base-url'?: string;
  /** The visitor's id; without it the widget makes a stable anonymous one. */
  'user-id'?: string;
  'user-name'?: string;
  'user-email'?: string;
  'user-role'?: UserRole;
  /** The AI agent to talk to; its code loads only when set. */
  'bot-id'?: string;
  'agent-url'?: string;
  'conversation-kind'?: ConversationKind;
  /** Pins one thread (get-or-create on it). */
  'external-ref'?: string;
  /** Comma-separated ids of the others in a new thread. */
  participants?: string;
  mode?: 'bubble' | 'inline' | 'fullscreen';
  open?: boolean | '' | 'true' | 'false';
  theme?: 'light' | 'dark' | 'auto';
  locale?: string;
  /** Any CSS colour. */
  accent?: string;
  'title-count'?: 'on' | 'off';
  sound?: boolean | '' | 'on' | 'off';
  'storage-key'?: string;
  /** A JWT the site's server signed for this user (signed identity); sent only to a server that asks for it. */
  'user-token'?: string;
  /** Shown at the top of a new thread, as written; default: a greeting in the widget's language. */
  greeting?: string;
  /** How soon a person answers, words that follow "We usually reply" (`within an hour`). */
  'reply-time'?: string;
}

// Fails to compile when an attribute the element reads is missing above (or one above is not read).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inStep: Same<keyof TinyChatAttributes, WidgetAttribute> = true;
void inStep;
