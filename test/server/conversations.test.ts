import { expect, it } from 'vitest';
import { describeOnBackends } from './helpers/restBackends.ts';

describeOnBackends('conversations', (ctx) => {
  const create = (json: unknown, key?: string) => ctx().server.api('/v1/conversations', { method: 'POST', json, key });
  const list = (query: string, key?: string) => ctx().server.api(`/v1/conversations?${query}`, { key });
  const send = (id: string, body: string) => ctx().server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'u_list', body } });

  it('creates with 201 in the seed shape, then returns the original row with 200 (participants untouched)', async () => {
    const first = await create({ kind: 'order', external_ref: 'order_9001', participants: ['u_42', 'driver_3'] });
    expect(first.status).toBe(201);
    expect(first.body.conversation).toMatchObject({
      id: expect.stringMatching(/^c_/),
      tenant_id: '11111111-2222-3333-4444-555555555555',
      kind: 'order',
      external_ref: 'order_9001',
      participants: ['u_42', 'driver_3'],
      last_at: null,
    });
    const again = await create({ kind: 'order', external_ref: 'order_9001', participants: ['someone_else'] });
    expect(again.status).toBe(200);
    expect(again.body.conversation).toEqual(first.body.conversation);
  });

  it('gives one row to many concurrent get-or-create calls', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => create({ kind: 'support', external_ref: 'race_1', participants: [`u_${i}`] })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.conversation.id)).size).toBe(1);
    const rows = await ctx().server.db.query(`select count(*)::int as n from conversations where external_ref = 'race_1'`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('always creates when there is no external_ref, and keys the ref per kind and per tenant', async () => {
    const a = await create({ kind: 'direct', participants: ['u_a', 'u_b'] });
    const b = await create({ kind: 'direct', participants: ['u_a', 'u_b'] });
    expect(a.body.conversation.id).not.toBe(b.body.conversation.id);
    const order = await create({ kind: 'order', external_ref: 'shared_ref', participants: ['u_a'] });
    const support = await create({ kind: 'support', external_ref: 'shared_ref', participants: ['u_a'] });
    const other = await create({ kind: 'order', external_ref: 'shared_ref', participants: ['u_a'] }, 'pk_test_other');
    expect(new Set([order, support, other].map((r) => r.status))).toEqual(new Set([201]));
    expect(other.body.conversation.tenant_id).toBe('66666666-7777-8888-9999-000000000000');
  });

  it('answers 400 for bad bodies', async () => {
    const cases: [unknown, string][] = [
      [{ participants: ['u'] }, 'kind is required'],
      [{ kind: 'chat', participants: ['u'] }, 'kind must be one of order, support, direct'],
      [{ kind: 'order' }, 'participants is required'],
      [{ kind: 'order', participants: [] }, 'participants is required'],
      [{ kind: 'order', participants: 'u_42' }, 'participants is required'],
      [{ kind: 'order', participants: { a: 1 } }, 'participants is required'],
      [{ kind: 'order', participants: [42] }, 'participants must contain only non-empty strings of at most 200 characters'],
      [{ kind: 'order', participants: [''] }, 'participants must contain only non-empty strings of at most 200 characters'],
      [{ kind: 'order', participants: ['u'], external_ref: 9 }, 'external_ref must be a string'],
      [{ kind: 'order', participants: ['u'], external_ref: 'r'.repeat(201) }, 'external_ref must be at most 200 characters'],
    ];
    for (const [json, error] of cases) expect(await create(json), JSON.stringify(json)).toMatchObject({ status: 400, body: { error } });
  });

  it("lists a user's conversations, newest activity first, with last message, and filters by kind", async () => {
    const quiet = await ctx().conversation(['u_list', 'x']);
    const older = await ctx().conversation(['u_list', 'y']);
    const newer = await ctx().conversation(['u_list', 'z']);
    const order = (await create({ kind: 'order', external_ref: 'list_o', participants: ['u_list'] })).body.conversation.id;
    await ctx().conversation(['not_me']);
    // PGlite's clock ticks in milliseconds; two creations in one tick would tie, so the quiet one is made plainly older.
    await ctx().server.db.query(`update conversations set created_at = created_at - interval '1 hour' where id = $1`, [quiet]);
    await send(older, 'first');
    await send(newer, 'second');
    await send(older, 'third');
    const { status, body } = await list('user_id=u_list');
    expect(status).toBe(200);
    // With activity first (last_at desc), then the never-used ones, newest created first.
    expect(body.conversations.map((c: { id: string }) => c.id)).toEqual([older, newer, order, quiet]);
    expect(body.conversations[0]).toMatchObject({ last_message: 'third', last_at: expect.stringMatching(/\.\d{6}Z$/) });
    expect(body.conversations[3]).toMatchObject({ last_message: null, last_at: null });
    const support = await list('user_id=u_list&kind=support');
    expect(support.body.conversations.map((c: { id: string }) => c.id)).toEqual([older, newer, quiet]);
    const orders = await ctx().server.api('/api/v1/conversations?user_id=u_list&kind=order');
    expect(orders.body.conversations.map((c: { id: string }) => c.id)).toEqual([order]);
  });

  it('returns at most 100', async () => {
    await ctx().server.db.query(
      `insert into conversations (id, tenant_id, kind, participants)
       select 'c_many_' || i, '11111111-2222-3333-4444-555555555555', 'direct', array['u_many'] from generate_series(1, 105) i`,
    );
    expect((await list('user_id=u_many')).body.conversations).toHaveLength(100);
  });

  it("answers 400 for a missing user_id or a bad kind, and never shows another tenant's rows", async () => {
    expect(await list('')).toMatchObject({ status: 400, body: { error: 'user_id is required' } });
    expect(await list('user_id=')).toMatchObject({ status: 400, body: { error: 'user_id is required' } });
    expect(await list('user_id=u&kind=nope')).toMatchObject({ status: 400, body: { error: 'kind must be one of order, support, direct' } });
    expect(await list(`user_id=${'x'.repeat(201)}`)).toMatchObject({ status: 400, body: { error: 'user_id must be at most 200 characters' } });
    expect((await list('user_id=u_list', 'pk_test_other')).body.conversations).toEqual([]);
  });
});
