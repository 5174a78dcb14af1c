import type { ConversationKind } from '../transport/types.ts';

// Issue 6 moves these into locale tables; until then, one place holds them.
const LABELS: Record<ConversationKind, string> = { support: 'Support', order: 'Order', direct: 'Direct message' };

/** A person's word for a conversation kind. */
export function kindLabel(kind: ConversationKind): string {
  return LABELS[kind] ?? kind;
}
