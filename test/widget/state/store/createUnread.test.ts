// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../../server/createServer.ts';
import { createConversationList } from '../../../../src/state/store/createConversationList.ts';
import { createUnread } from '../../../../src/state/store/createUnread.ts';
import type { Message } from '../../../../src/transport/types.ts';
import { startTestServer, type Api } from '../../../server/helpers/testServer.ts';
import { browserStorage } from '../helpers.ts';
import { makeState } from './helpers.ts';

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function conversationWith(visitor: string, texts: string[]): Promise<string> {
  const created = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: [visitor, 'support'] } });
  const id = created.body.conversation.id as string;
  for (const body of texts) await say(id, body);
  return id;
}

async function say(id: string, body: string, sender = 'support'): Promise<Message> {
  const res = await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: sender, body } });
  return res.body.message as Message;
}

/** Unread counts over the real list of `visitor`, as one browser profile (`storage`) keeps them. */
async function unreadOf(visitor: string, storage = browserStorage()) {
  const { state } = makeState({ url: server.url, storage, attributes: { 'user-id': visitor } });
  const unread = createUnread(state);
  const list = createConversationList(state, unread.counts);
  await list.refresh();
  return { state, unread, list, storage };
}

describe('createUnread', () => {
  it('first sight counts as read; what comes later is counted from history, and stays counted after a reload', async () => {
    const id = await conversationWith('u_unread_1', ['before 1', 'before 2']);
    const first = await unreadOf('u_unread_1');
    await first.unread.count();
    expect(first.unread.total.value).toBe(0);
    await say(id, 'after 1');
    await say(id, 'after 2');
    await say(id, 'mine', 'u_unread_1');
    const reload = await unreadOf('u_unread_1', first.storage);
    await reload.unread.count();
    expect(reload.unread.counts.value.get(id)).toBe(2);
    expect(reload.unread.total.value).toBe(2);
    reload.unread.markRead(id);
    expect(reload.unread.total.value).toBe(0);
  });

  it('a conversation new to the list is unread from its first message', async () => {
    const { unread, list } = await unreadOf('u_unread_2');
    const id = await conversationWith('u_unread_2', ['one', 'two', 'three']);
    await list.refresh();
    unread.noteNew(id);
    await unread.count();
    expect(unread.counts.value.get(id)).toBe(3);
  });

  it('a live message counts one more unless it is older than what was read', async () => {
    const id = await conversationWith('u_unread_3', ['seen']);
    const { unread } = await unreadOf('u_unread_3');
    await unread.count();
    const fresh = await say(id, 'new');
    unread.noteIncoming(fresh);
    unread.noteIncoming({ ...fresh, id: 'm_other', created_at: '2000-01-01T00:00:00.000Z' });
    expect(unread.total.value).toBe(1);
  });
});
