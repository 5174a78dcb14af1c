import { expect, it } from 'vitest';
import { describeOnBackends } from './helpers/restBackends.ts';

const ISO_US = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describeOnBackends('POST /users', (ctx) => {
  const post = (json: unknown, base = '/v1') => ctx().server.api(`${base}/users`, { method: 'POST', json });

  it('creates a user in the seed shape with role customer by default', async () => {
    const { status, body } = await post({ user_id: 'u_new', name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(status).toBe(200);
    expect(body).toEqual({
      user: {
        id: expect.any(String),
        tenant_id: '11111111-2222-3333-4444-555555555555',
        user_id: 'u_new',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        role: 'customer',
        fcm_tokens: [],
        notification_prefs: {},
        last_seen_at: expect.stringMatching(ISO_US),
      },
    });
  });

  it('is idempotent on user_id: same row, empty strings never blank a stored name or email', async () => {
    const first = await post({ user_id: 'u_idem', name: 'Ada', email: 'ada@example.com', role: 'driver' });
    const again = await post({ user_id: 'u_idem', name: '', email: '  ' }, '/api/v1');
    expect(again.status).toBe(200);
    expect(again.body.user).toMatchObject({ id: first.body.user.id, name: 'Ada', email: 'ada@example.com', role: 'driver' });
    expect(again.body.user.last_seen_at >= first.body.user.last_seen_at).toBe(true);
    const rows = await ctx().server.db.query(`select count(*)::int as n from users where user_id = 'u_idem'`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('updates the fields it is given and keeps the rest', async () => {
    await post({ user_id: 'u_upd', name: 'Old', fcm_tokens: ['t1'], notification_prefs: { mute: true } });
    const { body } = await post({ user_id: 'u_upd', name: 'New', role: 'support', fcm_tokens: ['t2', 't3'] });
    expect(body.user).toMatchObject({ name: 'New', role: 'support', fcm_tokens: ['t2', 't3'], notification_prefs: { mute: true } });
    const prefs = await post({ user_id: 'u_upd', notification_prefs: { sound: 'off', nested: { a: [1, 2] } } });
    expect(prefs.body.user).toMatchObject({ name: 'New', fcm_tokens: ['t2', 't3'], notification_prefs: { sound: 'off', nested: { a: [1, 2] } } });
  });

  it('answers 400 with a clear text for each bad field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'user_id is required'],
      [{ user_id: '' }, 'user_id is required'],
      [{ user_id: 42 }, 'user_id must be a string'],
      [{ user_id: 'x'.repeat(201) }, 'user_id must be at most 200 characters'],
      [{ user_id: 'a\u0000b' }, 'user_id must not contain NUL characters'],
      [{ user_id: 'u', name: 7 }, 'name must be a string'],
      [{ user_id: 'u', role: 'boss' }, 'role must be one of customer, driver, admin, support'],
      [{ user_id: 'u', fcm_tokens: 'tok' }, 'fcm_tokens must be an array of strings'],
      [{ user_id: 'u', fcm_tokens: [1] }, 'fcm_tokens must contain only non-empty strings of at most 4096 characters'],
      [{ user_id: 'u', notification_prefs: [] }, 'notification_prefs must be an object'],
      [{ user_id: 'u', notification_prefs: 'x' }, 'notification_prefs must be an object'],
      [{ user_id: 'u', notification_prefs: { k: 'a\u0000' } }, 'notification_prefs must not contain NUL characters'],
      [[1, 2], 'invalid json'],
    ];
    for (const [json, error] of cases) {
      expect(await post(json), JSON.stringify(json)).toMatchObject({ status: 400, body: { error } });
    }
  });

  it('keeps tenants apart: the same user_id in another tenant is another user', async () => {
    const mine = await post({ user_id: 'u_shared', name: 'Mine' });
    const theirs = await ctx().server.api('/v1/users', { method: 'POST', json: { user_id: 'u_shared' }, key: 'pk_test_other' });
    expect(theirs.body.user.id).not.toBe(mine.body.user.id);
    expect(theirs.body.user.name).toBeNull();
    expect(theirs.body.user.tenant_id).toBe('66666666-7777-8888-9999-000000000000');
  });
});
