import { readPositionsSql, unreadCountSql } from './recordRead.ts';
import { isoSql } from './sqlTime.ts';

// A person's answer: a message from someone known not to be a customer (support, admin, driver). Bots (`bot:<id>`)
// answer too, but are not people.
const ANSWERED_BY = (m: string) => `(${m}.sender_id like 'bot:%' or exists (select 1 from users u where u.tenant_id = c.tenant_id
  and u.user_id = ${m}.sender_id and u.role <> 'customer'))`;
const PERSON = (m: string) => `(${m}.sender_id not like 'bot:%' and exists (select 1 from users u where u.tenant_id = c.tenant_id
  and u.user_id = ${m}.sender_id and u.role <> 'customer'))`;
const LAST_ANSWER = `coalesce((select max(a.created_at) from messages a where a.conversation_id = c.id and a.deleted_at is null
  and ${ANSWERED_BY('a')}), '-infinity')`;
const WAITING_SINCE = `(select min(w.created_at) from messages w where w.conversation_id = c.id and w.deleted_at is null
  and w.created_at > ${LAST_ANSWER})`;

/**
 * The conversation list's columns beyond the seed (default mode only), for the user the list is asked for
 * (`user`, an SQL parameter such as `$2`) over `conversations c`:
 * - `unread_count`: see unreadCountSql;
 * - `reads`: every participant's read position ({@link readPositionsSql});
 * - `last_sender_id`: who wrote the last message (null when there is none);
 * - `waiting_since`: when the oldest of the trailing messages nobody answered was written (the visitor is
 *   waiting since then), null when the last message is an answer (a person's or the agent's) or there is none;
 * - `participant_emails`: `{ user_id: email }` for the participants who gave one (the inbox names a visitor by it
 *   when there is no name; names come from withParticipantNames);
 * - `handed_over`: the agent answered here, the visitor wrote again after it and no person has written yet, so
 *   the agent handed it over (or was asked for a person).
 */
export function inboxColumnsSql(user: string): string {
  return `${unreadCountSql('c.id', user)} as unread_count,
  ${readPositionsSql('c.id')} as reads,
  (select l.sender_id from messages l where l.conversation_id = c.id and l.deleted_at is null order by l.created_at desc limit 1) as last_sender_id,
  ${isoSql(WAITING_SINCE)} as waiting_since,
  coalesce((select json_object_agg(e.user_id, e.email) from users e where e.tenant_id = c.tenant_id and e.user_id = any(c.participants)
    and e.email is not null), '{}'::json) as participant_emails,
  (${WAITING_SINCE} is not null and exists (select 1 from messages b where b.conversation_id = c.id and b.sender_id like 'bot:%')
    and not exists (select 1 from messages p where p.conversation_id = c.id and p.deleted_at is null and ${PERSON('p')})) as handed_over`;
}
