import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { inSeedShape } from '../../compat/seedShape.ts';
import type { Db } from '../../db/Db.ts';
import { ApiError } from '../ApiError.ts';
import { readJson } from '../readBody.ts';
import type { TenantEnv } from '../tenantAuth.ts';
import { MAX_ID, optionalChoice, optionalText, stringList } from './fields.ts';
import { jsonBodyLimit } from './jsonBody.ts';
import { isoSql } from './sqlTime.ts';

const KINDS = ['order', 'support', 'direct'] as const;

/** The seed's conversation shape (plus created_at, which orders conversations with no message yet). */
export const CONVERSATION_COLUMNS = `id, tenant_id, kind, external_ref, participants, last_message,
  ${isoSql('last_at')} as last_at, ${isoSql('created_at')} as created_at`;

/**
 * `GET /conversations?user_id=&kind=`: the user's 100 most recently active conversations.
 * `POST /conversations`: get-or-create on (tenant, kind, external_ref); 201 when created, 200 with the
 * stored row, participants untouched, when it existed. Without external_ref every call creates.
 */
export function conversationsRoutes(db: Db) {
  return new Hono<TenantEnv>()
    .get('/conversations', async (c) => {
      const query = { user_id: c.req.query('user_id'), kind: c.req.query('kind') };
      const userId = optionalText(query, 'user_id');
      if (userId === undefined || userId.trim() === '') throw new ApiError(400, 'user_id is required');
      const kind = optionalChoice(query, 'kind', KINDS);
      const conversations = await db.query(
        `select ${CONVERSATION_COLUMNS} from conversations
         where tenant_id = $1 and participants @> array[$2::text] and ($3::text is null or kind = $3)
         order by last_at desc nulls last, created_at desc, id
         limit 100`,
        [c.get('tenant').id, userId, kind ?? null],
      );
      return c.json({ conversations: conversations.map((row) => inSeedShape(c.get('compat'), 'listedConversation', row)) });
    })
    .post('/conversations', jsonBodyLimit, async (c) => {
      const body = await readJson(c);
      if (body.kind === undefined || body.kind === null) throw new ApiError(400, 'kind is required');
      const kind = optionalChoice(body, 'kind', KINDS) as (typeof KINDS)[number];
      const externalRef = optionalText(body, 'external_ref', { emptyIsAbsent: true });
      // A repeated id would make the person count twice in "who is here"; keep the first of each.
      const participants = [...new Set(stringList(body.participants, 'participants', { min: 1, max: MAX_ID }))];
      const tenantId = c.get('tenant').id;
      // on conflict do nothing waits for a concurrent insert of the same ref, so two racing calls give one row.
      const [created] = await db.query(
        `insert into conversations (id, tenant_id, kind, external_ref, participants) values ($1, $2, $3, $4, $5)
         on conflict (tenant_id, kind, external_ref) where external_ref is not null do nothing
         returning ${CONVERSATION_COLUMNS}`,
        [`c_${randomUUID()}`, tenantId, kind, externalRef ?? null, participants],
      );
      if (created !== undefined) return c.json({ conversation: inSeedShape(c.get('compat'), 'conversation', created) }, 201);
      const [existing] = await db.query(
        `select ${CONVERSATION_COLUMNS} from conversations where tenant_id = $1 and kind = $2 and external_ref = $3`,
        [tenantId, kind, externalRef],
      );
      if (existing === undefined) throw new Error('conversation vanished between insert and select');
      return c.json({ conversation: inSeedShape(c.get('compat'), 'conversation', existing) }, 200);
    });
}
