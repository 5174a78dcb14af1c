// @vitest-environment node
import { signal } from '@preact/signals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../../server/createServer.ts';
import { createConversationList } from '../../../../src/state/store/createConversationList.ts';
import type { Message } from '../../../../src/transport/types.ts';
import { startTestServer, type Api } from '../../../server/helpers/testServer.ts';
import { makeState } from './helpers.ts';

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const message = (conversationId: string, fields: Partial<Message>): Message => ({
  id: `m_${Math.random()}`,
  conversation_id: conversationId,
  sender_id: 'support',
  body: 'hi',
  message_type: 'text',
  media_url: null,
  reply_to: null,
  created_at: new Date().toISOString(),
  edited_at: null,
  deleted_at: null,
  ...fields,
});

describe('createConversationList', () => {
  it('lists the visitor conversations; get-or-create puts a new one first, once', async () => {
    const { state } = makeState({ url: server.url, attributes: { 'user-id': 'u_list_1' } });
    const list = createConversationList(state, signal(new Map()));
    await list.refresh();
    expect(list.summaries.value).toEqual([]);
    const a = await list.getOrCreate('ref_a');
    const b = await list.getOrCreate('ref_b');
    expect(await list.getOrCreate('ref_a')).toMatchObject({ id: a.id });
    expect(list.summaries.value.map((s) => s.conversation.id)).toEqual([b.id, a.id]);
    expect(a.participants).toEqual(['u_list_1', 'support']);
    await list.refresh();
    expect(new Set(list.summaries.value.map((s) => s.conversation.id))).toEqual(new Set([a.id, b.id]));
  });

  it('a message moves its conversation to the top with its text; an older one changes nothing', async () => {
    const { state } = makeState({ url: server.url, attributes: { 'user-id': 'u_list_2' } });
    const unread = signal<ReadonlyMap<string, number>>(new Map());
    const list = createConversationList(state, unread);
    const a = await list.getOrCreate('ref_a');
    const b = await list.getOrCreate('ref_b');
    list.noteMessage(message(a.id, { body: 'newest', created_at: '2026-12-01T10:00:00.000Z' }));
    expect(list.summaries.value.map((s) => [s.conversation.id, s.lastMessage])).toEqual([
      [a.id, 'newest'],
      [b.id, null],
    ]);
    list.noteMessage(message(a.id, { body: 'older', created_at: '2026-12-01T09:00:00.000Z' }));
    expect(list.summaries.value[0]?.lastMessage).toBe('newest');
    list.noteMessage(message(b.id, { body: null, message_type: 'image', created_at: '2026-12-01T11:00:00.000Z' }));
    expect(list.summaries.value[0]).toMatchObject({ conversation: { id: b.id }, lastMessage: '[image]' });
    list.noteMessage(message(b.id, { deleted_at: '2026-12-01T12:00:00.000Z', created_at: '2026-12-01T12:00:00.000Z' }));
    expect(list.summaries.value[0]?.lastMessage).toBeNull();
    unread.value = new Map([[a.id, 3]]);
    expect(list.summaries.value.map((s) => s.unread)).toEqual([0, 3]);
  });

  it('a refresh after dispose changes nothing', async () => {
    const { state } = makeState({ url: server.url, attributes: { 'user-id': 'u_list_3' } });
    const list = createConversationList(state, signal(new Map()));
    await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_list_3'] } });
    state.disposed = true;
    await list.refresh();
    expect(list.summaries.value).toEqual([]);
  });
});
