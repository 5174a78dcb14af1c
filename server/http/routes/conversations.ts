import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { inSeedShape } from '../../compat/seedShape.ts';
import { extensionsOnFor } from '../../compat/compatContext.ts';
import { withParticipantNames } from './withNames.ts';
import type { Db } from '../../db/Db.ts';
import { actingAs } from '../../identity/actingAs.ts';
import type { Broadcaster } from '../../realtime/Broadcaster.ts';
import { tellParticipants } from '../../realtime/userChannel.ts';
import { recordWebhookEvent } from '../../webhooks/recordWebhookEvent.ts';
import { ApiError } from '../ApiError.ts';
import { readJson } from '../readBody.ts';
import type { TenantEnv } from '../tenantAuth.ts';
import { MAX_ID, optionalChoice, optionalText, stringList } from './fields.ts';
import { inboxColumnsSql } from './inboxColumns.ts';
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
 * With a user token: the list is the caller's own (user_id may be left out), a new conversation must include the
 * caller, and an existing one is returned only to its participants (so nobody reads an order's thread by its ref).
 * Default mode: list rows carry read state and who waits (inboxColumnsSql), and a new conversation is announced
 * on each participant's `user:<id>` channel.
 */
export function conversationsRoutes(db: Db, realtime: Broadcaster) {
  // Default mode: rows carry `participant_names` (see withParticipantNames), so a list says who each is with.
  const named = async <T extends { participants: string[] }>(c: Context<TenantEnv>, rows: T[]): Promise<T[]> =>
    extensionsOnFor(c) ? withParticipantNames(db, c.get('tenant').id, rows) : rows;
  return new Hono<TenantEnv>()
    .get('/conversations', async (c) => {
      const caller = c.get('identity').caller;
      const query = { user_id: c.req.query('user_id') ?? caller?.userId, kind: c.req.query('kind') };
      const userId = optionalText(query, 'user_id');
      if (userId === undefined || userId.trim() === '') throw new ApiError(400, 'user_id is required');
      await actingAs(c, db, userId, 'user_id');
      const kind = optionalChoice(query, 'kind', KINDS);
      const conversations = await db.query<{ participants: string[] }>(
        `select ${CONVERSATION_COLUMNS}${extensionsOnFor(c) ? `, ${inboxColumnsSql('$2')}` : ''} from conversations c
         where tenant_id = $1 and participants @> array[$2::text] and ($3::text is null or kind = $3)
         order by last_at desc nulls last, created_at desc, id
         limit 100`,
        [c.get('tenant').id, userId, kind ?? null],
      );
      return c.json({ conversations: (await named(c, conversations)).map((row) => inSeedShape(c.get('compat'), 'listedConversation', row)) });
    })
    .post('/conversations', jsonBodyLimit, async (c) => {
      const body = await readJson(c);
      if (body.kind === undefined || body.kind === null) throw new ApiError(400, 'kind is required');
      const kind = optionalChoice(body, 'kind', KINDS) as (typeof KINDS)[number];
      const externalRef = optionalText(body, 'external_ref', { emptyIsAbsent: true });
      // A repeated id would make the person count twice in "who is here"; keep the first of each.
      const participants = [...new Set(stringList(body.participants, 'participants', { min: 1, max: MAX_ID }))];
      const caller = c.get('identity').caller;
      if (caller !== undefined && !participants.includes(caller.userId)) throw new ApiError(403, 'participants must include the signed-in user');
      const tenantId = c.get('tenant').id;
      // on conflict do nothing waits for a concurrent insert of the same ref, so two racing calls give one row.
      const created = await db.transaction(async (tx) => {
        const [row] = await tx.query<{ id: string; participants: string[] }>(
          `insert into conversations (id, tenant_id, kind, external_ref, participants) values ($1, $2, $3, $4, $5)
           on conflict (tenant_id, kind, external_ref) where external_ref is not null do nothing
           returning ${CONVERSATION_COLUMNS}`,
          [`c_${randomUUID()}`, tenantId, kind, externalRef ?? null, participants],
        );
        if (row !== undefined) await recordWebhookEvent(tx, tenantId, 'conversation.created', row.id, (await withParticipantNames(tx, tenantId, [row]))[0]);
        return row;
      });
      if (created !== undefined) {
        if (extensionsOnFor(c)) tellParticipants(realtime, tenantId, created.id, participants);
        return c.json({ conversation: inSeedShape(c.get('compat'), 'conversation', (await named(c, [created]))[0]!) }, 201);
      }
      const [existing] = await db.query<{ participants: string[] }>(`select ${CONVERSATION_COLUMNS} from conversations where tenant_id = $1 and kind = $2 and external_ref = $3`, [
        tenantId,
        kind,
        externalRef,
      ]);
      if (existing === undefined) throw new Error('conversation vanished between insert and select');
      if (caller !== undefined && !existing.participants.includes(caller.userId)) {
        throw new ApiError(403, 'you are not a participant of this conversation');
      }
      return c.json({ conversation: inSeedShape(c.get('compat'), 'conversation', (await named(c, [existing]))[0]!) }, 200);
    });
}
