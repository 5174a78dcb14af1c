import { expect, it } from 'vitest';
import { describeOnBackends } from './helpers/restBackends.ts';

const ISO_US = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
type Msg = { id: string; created_at: string; body: string | null };

describeOnBackends('messages', (ctx) => {
  const api = (...args: Parameters<ReturnType<typeof ctx>['server']['api']>) => ctx().server.api(...args);
  const convSent = () => ctx().sent.filter((b) => b.topic.startsWith('conv:'));
  const send = (conv: string, json: unknown, headers?: Record<string, string>) => api(`/v1/conversations/${conv}/messages`, { method: 'POST', json, headers });
  const history = (conv: string, query = '') => api(`/v1/conversations/${conv}/messages${query}`);

  /** Pages back from the newest message with `before` until an empty page; returns every id in order. */
  async function pageBack(conv: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let before: string | undefined;
    for (let guard = 0; guard < 1000; guard++) {
      const page = await history(conv, `?limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`);
      expect(page.status).toBe(200);
      const messages = page.body.messages as Msg[];
      if (messages.length === 0) return ids;
      expect(messages.length).toBeLessThanOrEqual(limit);
      ids.unshift(...messages.map((m) => m.id));
      before = messages[0]?.created_at;
    }
    throw new Error('paging did not end');
  }

  it('sends a text message: 201 with the full row, broadcast on conv:<id>, conversation activity moves', async () => {
    const conv = await ctx().conversation();
    const { status, body } = await send(conv, { sender_id: 'u_42', body: 'Hi, where is my order?', receiver_id: 'agent_7' });
    expect(status).toBe(201);
    expect(body.message).toEqual({
      id: expect.stringMatching(/^m_/),
      conversation_id: conv,
      sender_id: 'u_42',
      receiver_id: 'agent_7',
      body: 'Hi, where is my order?',
      message_type: 'text',
      media_url: null,
      reply_to: null,
      created_at: expect.stringMatching(ISO_US),
      edited_at: null,
      deleted_at: null,
      // Default mode: the sender's name and role from the users table (u_42 has no user row here).
      sender_name: null,
      sender_role: null,
    });
    // A send also tells each participant's user: channel (ids only, default mode); the message itself goes on conv:.
    expect(convSent().at(-1)).toEqual({ topic: `conv:${conv}`, event: 'message', payload: { message: body.message } });
    const list = await api('/v1/conversations?user_id=u_42');
    expect(list.body.conversations.find((c: { id: string }) => c.id === conv)).toMatchObject({
      last_message: 'Hi, where is my order?',
      last_at: body.message.created_at,
    });
    expect((await api(`/api/v1/conversations/${conv}/messages`)).body.messages).toEqual([body.message]);
  });

  it('sends an image (media_url required, only http(s)), and replies within the conversation', async () => {
    const conv = await ctx().conversation();
    const image = await send(conv, { sender_id: 'u_42', message_type: 'image', media_url: 'https://cdn.example/a.png' });
    expect(image.status).toBe(201);
    expect(image.body.message).toMatchObject({ message_type: 'image', media_url: 'https://cdn.example/a.png', body: null });
    const list = await api('/v1/conversations?user_id=u_42');
    expect(list.body.conversations.find((c: { id: string }) => c.id === conv).last_message).toBe('[image]');
    const reply = await send(conv, { sender_id: 'agent_7', body: 'Nice', reply_to: image.body.message.id });
    expect(reply.body.message.reply_to).toBe(image.body.message.id);

    const elsewhere = await ctx().conversation();
    const foreign = (await send(elsewhere, { sender_id: 'u_42', body: 'x' })).body.message.id;
    const bad: [unknown, string][] = [
      [{ sender_id: 'u_42', message_type: 'image' }, 'media_url is required'],
      [{ sender_id: 'u_42', message_type: 'image', media_url: 'javascript:alert(1)' }, 'media_url must be an http(s) URL'],
      [{ sender_id: 'u_42', message_type: 'image', media_url: 'not a url' }, 'media_url must be an http(s) URL'],
      [{ sender_id: 'u_42', body: 'x', reply_to: foreign }, 'reply_to must be a message in this conversation'],
      [{ sender_id: 'u_42', body: 'x', reply_to: 'm_missing' }, 'reply_to must be a message in this conversation'],
      [{ sender_id: 'u_42', body: 'x', reply_to: 5 }, 'reply_to must be a string'],
      [{ sender_id: 'u_42', body: 'x', message_type: 'video' }, 'message_type must be one of text, image'],
    ];
    for (const [json, error] of bad) expect(await send(conv, json), JSON.stringify(json)).toMatchObject({ status: 400, body: { error } });
  });

  it('validates the send body with clear 400s', async () => {
    const conv = await ctx().conversation();
    const bad: [unknown, string][] = [
      [{ body: 'x' }, 'sender_id is required'],
      [{ sender_id: 'u_42' }, 'body is required'],
      [{ sender_id: 'u_42', body: '   ' }, 'body is required'],
      [{ sender_id: 'u_42', body: 12 }, 'body must be a string'],
      [{ sender_id: ['u_42'], body: 'x' }, 'sender_id must be a string'],
      [{ sender_id: 'u_42', body: 'x'.repeat(10_001) }, 'body must be at most 10000 characters'],
      [{ sender_id: 'u_42', body: 'nul \u0000 here' }, 'body must not contain NUL characters'],
      [{ sender_id: 'u_42', body: 'x', receiver_id: {} }, 'receiver_id must be a string'],
    ];
    for (const [json, error] of bad) expect(await send(conv, json), JSON.stringify(json).slice(0, 80)).toMatchObject({ status: 400, body: { error } });
    expect((await send(conv, { sender_id: 'u_42', body: 'x'.repeat(10_000) })).status).toBe(201);
    expect((await send(conv, { sender_id: 'u_42', body: 'emoji 👩‍💻 and 中文 ok' })).body.message.body).toBe('emoji 👩‍💻 and 中文 ok');
  });

  it('pages back with `before` returning every message exactly once, oldest first in each page', async () => {
    const conv = await ctx().conversation();
    const sent: string[] = [];
    // Sent fast, ten at a time concurrently: many land in the same millisecond.
    for (let batch = 0; batch < 6; batch++) {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => send(conv, { sender_id: 'u_42', body: `m${batch}-${i}` })));
      for (const r of results) sent.push(r.body.message.id);
    }
    const all = (await history(conv, '?limit=200')).body.messages as Msg[];
    expect(all).toHaveLength(60);
    const times = all.map((m) => m.created_at);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(60);
    const paged = await pageBack(conv, 7);
    expect(paged).toEqual(all.map((m) => m.id));
    expect(new Set(paged)).toEqual(new Set(sent));
  });

  it('pages exactly through messages a microsecond apart, and refuses two at the same instant', async () => {
    const conv = await ctx().conversation();
    // 20 messages inside one millisecond: a cursor cut to milliseconds would skip or repeat them.
    await ctx().server.db.query(
      `insert into messages (id, conversation_id, sender_id, body, created_at)
       select 'm_same_ms_' || i, $1, 'u_42', 'b' || i, timestamptz '2026-01-15 10:18:01.412+00' + i * interval '1 microsecond'
       from generate_series(0, 19) i`,
      [conv],
    );
    const paged = await pageBack(conv, 7);
    expect(paged).toEqual(Array.from({ length: 20 }, (_, i) => `m_same_ms_${i}`));
    const first = (await history(conv, '?limit=1&before=2026-01-15T10:18:01.412001Z')).body.messages;
    expect(first.map((m: Msg) => [m.id, m.created_at])).toEqual([['m_same_ms_0', '2026-01-15T10:18:01.412000Z']]);
    // Identical timestamps cannot exist in one conversation: the schema refuses them.
    await expect(
      ctx().server.db.query(`insert into messages (id, conversation_id, sender_id, body, created_at) values ('m_dup', $1, 'u', 'b', timestamptz '2026-01-15 10:18:01.412+00')`, [
        conv,
      ]),
    ).rejects.toThrow(/duplicate key|unique/);
    // A send after them still gets a later, distinct time even if the clock were behind.
    await ctx().server.db.query(`insert into messages (id, conversation_id, sender_id, body, created_at) values ('m_future', $1, 'u', 'b', timestamptz '2999-01-01 00:00:00+00')`, [
      conv,
    ]);
    const next = await send(conv, { sender_id: 'u_42', body: 'after the future' });
    expect(next.body.message.created_at).toBe('2999-01-01T00:00:00.000001Z');
  });

  it('applies limit (default 50, max 200) and refuses bad cursors and limits with 400', async () => {
    const conv = await ctx().conversation();
    await ctx().server.db.query(
      `insert into messages (id, conversation_id, sender_id, body, created_at)
       select 'm_lim_' || i, $1, 'u_42', 'b', timestamptz '2026-01-01 00:00:00+00' + i * interval '1 second' from generate_series(1, 210) i`,
      [conv],
    );
    const page = (await history(conv)).body.messages as Msg[];
    expect(page).toHaveLength(50);
    expect(page[0]?.id).toBe('m_lim_161');
    expect(page[49]?.id).toBe('m_lim_210');
    expect((await history(conv, '?limit=200')).body.messages).toHaveLength(200);
    const before = (await history(conv, '?before=2026-01-01T00:00:03Z')).body.messages as Msg[];
    expect(before.map((m) => m.id)).toEqual(['m_lim_1', 'm_lim_2']);
    expect((await history(conv, `?before=${encodeURIComponent('2026-01-01T01:00:03+01:00')}`)).body.messages).toHaveLength(2);
    for (const limit of ['0', '201', 'abc', '1.5', '-1', '', '1e2']) {
      expect(await history(conv, `?limit=${limit}`), limit).toMatchObject({ status: 400, body: { error: 'limit must be an integer from 1 to 200' } });
    }
    for (const before of ['yesterday', '2026-02-31T00:00:00Z', '2026-01-01T25:00:00Z', '2026-01-01', '2026-01-01T00:00:00', '2026-01-01T00:00:00.1234567Z', '0']) {
      expect(await history(conv, `?before=${encodeURIComponent(before)}`), before).toMatchObject({
        status: 400,
        body: { error: 'before must be an ISO-8601 timestamp, e.g. 2026-01-15T10:21:09.114123Z' },
      });
    }
  });

  it('keeps a retried send with the same Idempotency-Key to one message, also under concurrent retries', async () => {
    const conv = await ctx().conversation();
    const key = { 'idempotency-key': 'send-1' };
    const first = await send(conv, { sender_id: 'u_42', body: 'once' }, key);
    const retry = await send(conv, { sender_id: 'u_42', body: 'once' }, key);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.message).toEqual(first.body.message);

    const broadcastsBefore = convSent().length;
    const racing = await Promise.all(Array.from({ length: 8 }, () => send(conv, { sender_id: 'u_42', body: 'race' }, { 'idempotency-key': 'send-2' })));
    expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(racing.map((r) => r.body.message.id)).size).toBe(1);
    expect(convSent().length - broadcastsBefore).toBe(1);
    const bodies = ((await history(conv)).body.messages as Msg[]).map((m) => m.body);
    expect(bodies).toEqual(['once', 'race']);
    // The key belongs to its sender: another person's same key is their own message.
    expect((await send(conv, { sender_id: 'agent_7', body: 'mine' }, key)).status).toBe(201);
    expect(await send(conv, { sender_id: 'u_42', body: 'x' }, { 'idempotency-key': 'k'.repeat(201) })).toMatchObject({
      status: 400,
      body: { error: 'Idempotency-Key must be at most 200 characters' },
    });
  });

  it('edits by the original sender only, and broadcasts the edit', async () => {
    const conv = await ctx().conversation();
    const m = (await send(conv, { sender_id: 'u_42', body: 'where is my order?' })).body.message;
    const path = `/v1/conversations/${conv}/messages/${m.id}`;
    expect(await api(path, { method: 'PATCH', json: { sender_id: 'agent_7', body: 'hacked' } })).toMatchObject({
      status: 403,
      body: { error: 'only the sender can edit this message' },
    });
    expect(await api(path, { method: 'PATCH', json: { sender_id: 'u_42', body: '' } })).toMatchObject({ status: 400, body: { error: 'body is required' } });
    expect(await api(path, { method: 'PATCH', json: { body: 'x' } })).toMatchObject({ status: 400, body: { error: 'sender_id is required' } });
    const edited = await api(path, { method: 'PATCH', json: { sender_id: 'u_42', body: 'Actually, where IS my order?' } });
    expect(edited.status).toBe(200);
    expect(edited.body.message).toMatchObject({ id: m.id, body: 'Actually, where IS my order?', created_at: m.created_at, edited_at: expect.stringMatching(ISO_US) });
    expect(ctx().sent.at(-1)).toEqual({ topic: `conv:${conv}`, event: 'message', payload: { message: edited.body.message } });
    expect((await history(conv)).body.messages).toEqual([edited.body.message]);
    const list = await api('/v1/conversations?user_id=u_42');
    expect(list.body.conversations.find((c: { id: string }) => c.id === conv).last_message).toBe('Actually, where IS my order?');
    expect(await api(`/v1/conversations/${conv}/messages/m_nope`, { method: 'PATCH', json: { sender_id: 'u_42', body: 'x' } })).toMatchObject({
      status: 404,
      body: { error: 'message not found' },
    });
    const other = await ctx().conversation();
    expect(await api(`/v1/conversations/${other}/messages/${m.id}`, { method: 'PATCH', json: { sender_id: 'u_42', body: 'x' } })).toMatchObject({
      status: 404,
      body: { error: 'message not found' },
    });
  });

  it('soft-deletes by the original sender only: hidden from history, text kept for moderation, never served again', async () => {
    const conv = await ctx().conversation();
    const keep = (await send(conv, { sender_id: 'u_42', body: 'stays' })).body.message;
    const m = (await send(conv, { sender_id: 'u_42', body: 'secret', message_type: 'text', media_url: 'https://x.example/p.png' })).body.message;
    const path = `/v1/conversations/${conv}/messages/${m.id}`;
    expect(await api(path, { method: 'DELETE', json: { sender_id: 'agent_7' } })).toMatchObject({
      status: 403,
      body: { error: 'only the sender can delete this message' },
    });
    expect(await api(path, { method: 'DELETE' })).toMatchObject({ status: 400, body: { error: 'sender_id is required' } });
    const deleted = await api(path, { method: 'DELETE', json: { sender_id: 'u_42' } });
    expect(deleted.status).toBe(200);
    expect(deleted.body.message).toMatchObject({ id: m.id, body: null, media_url: null, deleted_at: expect.stringMatching(ISO_US) });
    expect(ctx().sent.at(-1)).toEqual({ topic: `conv:${conv}`, event: 'message', payload: { message: deleted.body.message } });
    expect(JSON.stringify(ctx().sent.at(-1))).not.toContain('secret');
    expect((await history(conv)).body.messages.map((x: Msg) => x.id)).toEqual([keep.id]);
    expect(await ctx().server.db.query('select body from messages where id = $1', [m.id])).toEqual([{ body: 'secret' }]);
    const list = await api('/v1/conversations?user_id=u_42');
    expect(list.body.conversations.find((c: { id: string }) => c.id === conv).last_message).toBe('stays');

    // A retried delete (query form) is answered with the same row and not broadcast again; an edit is 404.
    const count = ctx().sent.length;
    const again = await api(`${path}?sender_id=u_42`, { method: 'DELETE' });
    expect(again).toMatchObject({ status: 200, body: { message: deleted.body.message } });
    expect(ctx().sent.length).toBe(count);
    expect(await api(path, { method: 'PATCH', json: { sender_id: 'u_42', body: 'back' } })).toMatchObject({ status: 404, body: { error: 'message not found' } });
    expect(await api(`/v1/conversations/${conv}/messages/m_nope`, { method: 'DELETE', json: { sender_id: 'u_42' } })).toMatchObject({
      status: 404,
      body: { error: 'message not found' },
    });
  });

  it('broadcasts typing with 202 and stores nothing', async () => {
    const conv = await ctx().conversation();
    const res = await api(`/v1/conversations/${conv}/typing`, { method: 'POST', json: { sender_id: 'u_42', sender_name: 'Ada' } });
    expect(res).toMatchObject({ status: 202, body: { ok: true } });
    expect(ctx().sent.at(-1)).toEqual({ topic: `conv:${conv}`, event: 'typing', payload: { senderId: 'u_42', senderName: 'Ada' } });
    await api(`/api/v1/conversations/${conv}/typing`, { method: 'POST', json: { sender_id: 'agent_7' } });
    expect(ctx().sent.at(-1)?.payload).toEqual({ senderId: 'agent_7', senderName: null });
    expect(await api(`/v1/conversations/${conv}/typing`, { method: 'POST', json: {} })).toMatchObject({ status: 400, body: { error: 'sender_id is required' } });
    expect(await api(`/v1/conversations/${conv}/typing`, { method: 'POST', json: { sender_id: 'u', sender_name: 3 } })).toMatchObject({
      status: 400,
      body: { error: 'sender_name must be a string' },
    });
    expect(await api('/v1/conversations/c_nope/typing', { method: 'POST', json: { sender_id: 'u' } })).toMatchObject({
      status: 404,
      body: { error: 'conversation not found' },
    });
    expect((await history(conv)).body.messages).toEqual([]);
  });
});
