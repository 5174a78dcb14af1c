import type { Queryable } from '../../db/Db.ts';
import { ApiError } from '../ApiError.ts';
import { pathId } from './fields.ts';

/**
 * The conversation's id when it exists in this tenant; otherwise the seed's 404 "conversation not found",
 * also for another tenant's conversation, so ids never leak across tenants.
 * @param lock - take the row lock (`for update`): message writes in one conversation go one at a time
 */
export async function findConversation(db: Queryable, tenantId: string, rawId: string | undefined, lock = false): Promise<string> {
  const id = pathId(rawId, 'conversation not found');
  const rows = await db.query<{ id: string }>(`select id from conversations where id = $1 and tenant_id = $2${lock ? ' for update' : ''}`, [id, tenantId]);
  if (rows.length === 0) throw new ApiError(404, 'conversation not found');
  return id;
}
