import type { ConversationKind, UserRole } from '../transport/types.ts';

/** bubble: a launcher opens a floating panel; inline and fullscreen always show the panel. */
export type WidgetMode = 'bubble' | 'inline' | 'fullscreen';

/** What the element's attributes (and the script tag's `data-*`) say, after defaults. */
export interface WidgetSettings {
  apiKey: string;
  /** Origin of the TinyChat API, e.g. `http://localhost:8787`; '' = this page's origin. */
  baseUrl: string;
  /** The site's own user id; null = anonymous (a stable id is made and kept). */
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  userRole: UserRole;
  conversationKind: ConversationKind;
  /** Get-or-create key; null = `<kind>:<user id>`, one thread per visitor and kind. */
  externalRef: string | null;
  /** Other participants of a new conversation. */
  participants: string[];
  /** Tiny Talk agent, when both are set. */
  botId: string | null;
  agentUrl: string | null;
  mode: WidgetMode;
  /** Opens on load (unless the visitor closed it before). */
  open: boolean;
  /** Keeps several widgets' storage apart; defaults to the api key. */
  storageKey: string;
}

const kinds: readonly ConversationKind[] = ['order', 'support', 'direct'];
const roles: readonly UserRole[] = ['customer', 'driver', 'admin', 'support'];

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}

/**
 * Reads settings from attribute-like values (`api-key`, `user-id`, …), falling back to defaults that
 * unknown or empty values also get: a typo in an attribute never breaks the widget.
 */
export function readSettings(get: (name: string) => string | null | undefined): WidgetSettings {
  const kind = text(get('conversation-kind'));
  const role = text(get('user-role'));
  const open = get('open');
  const mode = text(get('mode'));
  const apiKey = text(get('api-key')) ?? '';
  return {
    apiKey,
    baseUrl: (text(get('base-url')) ?? '').replace(/\/+$/, ''),
    userId: text(get('user-id')),
    userName: text(get('user-name')),
    userEmail: text(get('user-email')),
    userRole: roles.includes(role as UserRole) ? (role as UserRole) : 'customer',
    conversationKind: kinds.includes(kind as ConversationKind) ? (kind as ConversationKind) : 'support',
    externalRef: text(get('external-ref')),
    participants: (text(get('participants')) ?? 'support')
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
    botId: text(get('bot-id')),
    agentUrl: text(get('agent-url')),
    mode: mode === 'inline' || mode === 'fullscreen' ? mode : 'bubble',
    open: open !== null && open !== undefined && open !== 'false',
    storageKey: text(get('storage-key')) ?? apiKey,
  };
}
