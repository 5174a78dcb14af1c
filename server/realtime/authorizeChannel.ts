import type { Db } from '../db/Db.ts';
import { conversationOf } from './topicKey.ts';

/**
 * Why a tenant may not use a channel, or undefined when it may: a `conv:<id>` channel only for a conversation
 * of that tenant; other channel names are the tenant's own (topicKey), so always.
 */
export function authorizeChannel(db: Db) {
  return async (tenantId: string, channel: string): Promise<string | undefined> => {
    const conversation = conversationOf(channel);
    if (conversation === undefined) return undefined;
    const rows = await db.query('select 1 from conversations where id = $1 and tenant_id = $2', [conversation, tenantId]);
    return rows.length === 0 ? 'conversation not found' : undefined;
  };
}
