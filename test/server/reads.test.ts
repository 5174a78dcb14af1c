import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnBackends } from './helpers/restBackends.ts';
import { startTestServer } from './helpers/testServer.ts';

/** Read state (our extension): positions that never go backwards, unread counts per user, and who is waiting. */
describeOnBackends('read state', (ctx) => {
  const api = (path: string, init?: Parameters<ReturnType<typeof ctx>['server']['api']>[1]) => ctx().server.api(path, init);
  const send = async (conv: string, sender: string, body: string) => {
    const res = await api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: sender, body } });
    expect(res.status).toBe(201);
    return res.body.message as { id: string; created_at: string };
  };
  const read = (conv: string, json: unknown, key?: string) => api(`/v1/conversations/${conv}/read`, { method: 'POST', json, key });
  const row = async (user: string, conv: string) => {
    const res = await api(`/v1/conversations?user_id=${user}`);
    return res.body.conversations.find((c: { id: string }) => c.id === conv);
  };

  it('records how far a participant read, never backwards, with unread counts per user and a read broadcast', async () => {
    const conv = await ctx().conversation(['v_read', 'support']);
    const m1 = await send(conv, 'v_read', 'Hello');
    const m2 = await send(conv, 'v_read', 'Anyone there?');
    expect(await row('support', conv)).toMatchObject({ unread_count: 2, reads: [], last_sender_id: 'v_read' });
    // One's own messages are never unread.
    expect((await row('v_read', conv)).unread_count).toBe(0);

    const sentBefore = ctx().sent.length;
    const first = await read(conv, { user_id: 'support', message_id: m1.id });
    expect(first).toMatchObject({ status: 200, body: { read: { user_id: 'support', message_id: m1.id, message_at: m1.created_at }, unread_count: 1 } });
    // (user: channel events of the sends above may still be on their way: only the conversation's channel is looked at.)
    expect(
      ctx()
        .sent.slice(sentBefore)
        .filter((b) => b.topic.startsWith('conv:')),
    ).toEqual([{ topic: `conv:${conv}`, event: 'read', payload: { ...first.body.read, unread_count: 1 } }]);

    const second = await read(conv, { user_id: 'support', message_id: m2.id });
    expect(second.body).toMatchObject({ read: { message_id: m2.id }, unread_count: 0 });
    expect(await row('support', conv)).toMatchObject({ unread_count: 0, reads: [{ user_id: 'support', message_id: m2.id, message_at: m2.created_at }] });

    // An older message changes nothing and is not announced.
    const quiet = ctx().sent.length;
    const older = await read(conv, { user_id: 'support', message_id: m1.id });
    expect(older).toMatchObject({ status: 200, body: { read: { message_id: m2.id }, unread_count: 0 } });
    expect(
      ctx()
        .sent.slice(quiet)
        .filter((b) => b.event === 'read'),
    ).toEqual([]);

    // A new message from the visitor is unread again; a reply from support counts as having read it.
    await send(conv, 'v_read', 'Hello?');
    expect((await row('support', conv)).unread_count).toBe(1);
    await send(conv, 'support', 'Here!');
    expect((await row('support', conv)).unread_count).toBe(0);
    expect((await row('v_read', conv)).unread_count).toBe(1);
  });

  it('refuses bad input: other conversations, other tenants, non-participants, missing fields', async () => {
    const conv = await ctx().conversation(['v_bad', 'support']);
    const other = await ctx().conversation(['v_bad', 'support']);
    const theirs = await send(other, 'v_bad', 'In the other conversation');
    const mine = await send(conv, 'v_bad', 'Here');
    const before = ctx().sent.length;
    expect(await read(conv, { user_id: 'support', message_id: theirs.id })).toMatchObject({ status: 404, body: { error: 'message not found' } });
    expect(await read(conv, { user_id: 'support', message_id: 'm_nope' })).toMatchObject({ status: 404, body: { error: 'message not found' } });
    expect(await read(conv, { user_id: 'support', message_id: mine.id }, 'pk_test_other')).toMatchObject({ status: 404, body: { error: 'conversation not found' } });
    expect(await read('c_nope', { user_id: 'support', message_id: mine.id })).toMatchObject({ status: 404, body: { error: 'conversation not found' } });
    expect(await read(conv, { user_id: 'stranger', message_id: mine.id })).toMatchObject({ status: 403, body: { error: 'user_id is not a participant of this conversation' } });
    expect(await read(conv, { message_id: mine.id })).toMatchObject({ status: 400, body: { error: 'user_id is required' } });
    expect(await read(conv, { user_id: 'support' })).toMatchObject({ status: 400, body: { error: 'message_id is required' } });
    expect(await read(conv, { user_id: 'support', message_id: 7 })).toMatchObject({ status: 400, body: { error: 'message_id must be a string' } });
    const res = await api(`/v1/conversations/${conv}/read`, { method: 'POST', body: '{nope', headers: { 'content-type': 'application/json' } });
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid json' } });
    // Nothing was stored or announced, and a stranger's list shows no positions.
    expect(
      ctx()
        .sent.slice(before)
        .filter((b) => b.event === 'read'),
    ).toEqual([]);
    expect((await row('support', conv)).reads).toEqual([]);
    expect(await row('stranger', conv)).toBeUndefined();
  });

  it("tells each participant's own channel about a new conversation and each new message, ids only", async () => {
    const before = ctx().sent.length;
    const conv = await ctx().conversation(['v_live', 'support']);
    await send(conv, 'v_live', 'Secret text');
    await expect
      .poll(
        () =>
          ctx()
            .sent.slice(before)
            .filter((b) => b.topic.startsWith('user:')).length,
      )
      .toBe(4);
    const userEvents = ctx()
      .sent.slice(before)
      .filter((b) => b.topic.startsWith('user:'));
    expect(userEvents).toEqual([
      { topic: 'user:v_live', event: 'conversation', payload: { conversation_id: conv } },
      { topic: 'user:support', event: 'conversation', payload: { conversation_id: conv } },
      { topic: 'user:v_live', event: 'conversation', payload: { conversation_id: conv } },
      { topic: 'user:support', event: 'conversation', payload: { conversation_id: conv } },
    ]);
    expect(JSON.stringify(userEvents)).not.toContain('Secret');
  });

  it('says who is waiting since when, and marks a conversation the agent handed over', async () => {
    await api('/v1/users', { method: 'POST', json: { user_id: 'support', role: 'support' } });
    const conv = await ctx().conversation(['v_wait', 'support']);
    expect(await row('support', conv)).toMatchObject({ waiting_since: null, handed_over: false, last_sender_id: null, unread_count: 0 });
    const q = await send(conv, 'v_wait', 'How do I return a parcel?');
    expect(await row('support', conv)).toMatchObject({ waiting_since: q.created_at, handed_over: false });
    // The agent answers: nobody is waiting.
    await send(conv, 'bot:demo-bot', 'Here is how…');
    expect(await row('support', conv)).toMatchObject({ waiting_since: null, handed_over: false, last_sender_id: 'bot:demo-bot' });
    // The visitor writes again after the agent (asks for a person): waiting since that message, handed over.
    const ask = await send(conv, 'v_wait', 'I would like to talk to a person, please.');
    await send(conv, 'v_wait', 'Hello?');
    expect(await row('support', conv)).toMatchObject({ waiting_since: ask.created_at, handed_over: true, last_sender_id: 'v_wait' });
    // A person answers: nobody waits and it is no longer the agent's.
    await send(conv, 'support', 'Sam here.');
    expect(await row('support', conv)).toMatchObject({ waiting_since: null, handed_over: false });
    await send(conv, 'v_wait', 'Thanks');
    expect(await row('support', conv)).toMatchObject({ handed_over: false, waiting_since: expect.any(String) });
  });

  it('gives the names and emails participants gave, for naming them', async () => {
    await api('/v1/users', { method: 'POST', json: { user_id: 'v_mail', email: 'ada@example.com' } });
    await api('/v1/users', { method: 'POST', json: { user_id: 'v_named', name: 'Grace Hopper' } });
    const conv = await ctx().conversation(['v_mail', 'v_named', 'support']);
    expect(await row('support', conv)).toMatchObject({ participant_emails: { v_mail: 'ada@example.com' }, participant_names: { v_named: 'Grace Hopper' } });
  });

  it('advertises the features in /v1/config', async () => {
    const res = await api('/v1/config');
    expect(res.body.features).toEqual(expect.arrayContaining(['read_state', 'user_channel']));
  });
});

describe('read state in hosted mode', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ compat: 'hosted' });
  });
  afterAll(() => server.close());

  it('is not there: no route, no row fields, no features', async () => {
    const created = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['v_h', 'support'] } });
    const conv = created.body.conversation.id as string;
    const sent = await server.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'v_h', body: 'Hi' } });
    const read = await server.api(`/v1/conversations/${conv}/read`, { method: 'POST', json: { user_id: 'support', message_id: sent.body.message.id } });
    expect(read.status).toBe(404);
    const list = await server.api('/v1/conversations?user_id=support');
    expect(Object.keys(list.body.conversations[0]).sort()).toEqual(['external_ref', 'id', 'kind', 'last_at', 'last_message', 'participants', 'tenant_id']);
    expect((await server.api('/v1/config')).body.features).toBeUndefined();
  });
});
