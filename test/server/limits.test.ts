import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimitSettings, limitSettingsFromEnv } from '../../server/limits/LimitSettings.ts';
import { startTestServer } from './helpers/testServer.ts';

const token = (sub: string) => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('1h').sign(new TextEncoder().encode('tc_id_secret_demo'));

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  // The defaults, but for a smaller per-address budget so the test need not send 600 writes to reach it.
  server = await startTestServer({
    limits: { writesPerAddress: { limit: 80, windowSeconds: 60 }, conversationsPerAddress: { limit: 5, windowSeconds: 600 }, wrongKeysPerAddress: { limit: 3, windowSeconds: 60 } },
    agent: { tokenDelayMs: 0 },
  });
});
afterAll(() => server.close());

describe('REST write limits', () => {
  it('never limits a person sending 30 messages in 10 s in one conversation (the default per-user budget)', async () => {
    const tok = await token('u_fast');
    const headers = { 'x-tinychat-user-token': tok };
    const conv = (await server.api('/v1/conversations', { method: 'POST', key: 'pk_test_secure', headers, json: { kind: 'support', participants: ['u_fast', 'support'] } })).body
      .conversation.id;
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      statuses.push((await server.api(`/v1/conversations/${conv}/typing`, { method: 'POST', key: 'pk_test_secure', headers, json: { sender_id: 'u_fast' } })).status);
      statuses.push(
        (await server.api(`/v1/conversations/${conv}/messages`, { method: 'POST', key: 'pk_test_secure', headers, json: { sender_id: 'u_fast', body: `quick ${i}` } })).status,
      );
    }
    expect(statuses.filter((s) => s !== 201 && s !== 202)).toEqual([]);
    expect(defaultLimitSettings.writesPerUser.limit / defaultLimitSettings.writesPerUser.windowSeconds).toBeGreaterThanOrEqual(1);
  });

  it('answers 429 with Retry-After past the per-address budget, reads still served; other tenants count apart', async () => {
    const conv = (await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_spam'] } })).body.conversation.id;
    let limited: Awaited<ReturnType<typeof server.api>> | undefined;
    for (let i = 0; i < 100 && limited === undefined; i++) {
      const res = await server.api(`/v1/conversations/${conv}/messages`, { method: 'POST', json: { sender_id: 'u_spam', body: `spam ${i}` } });
      if (res.status === 429) limited = res;
    }
    expect(limited?.body.error).toMatch(/^too many requests: at most 80 changes from one address a minute; retry in \d+ s$/);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await server.api(`/v1/conversations/${conv}/messages`)).status).toBe(200);
    expect((await server.api('/v1/users', { method: 'POST', key: 'pk_test_other', json: { user_id: 'u_1' } })).status).toBe(200);
    const cors = await fetch(`${server.url}/v1/users`, {
      method: 'POST',
      headers: { origin: 'https://site.example', 'x-tinychat-api-key': 'pk_test_demo', 'content-type': 'application/json' },
      body: '{"user_id":"u"}',
    });
    expect([cors.status, cors.headers.get('access-control-expose-headers')]).toEqual([429, 'Retry-After']);
  });

  it('limits new conversations per address on their own (the list of 100 cannot be filled in a burst)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await server.api('/v1/conversations', { method: 'POST', key: 'pk_test_other', json: { kind: 'support', participants: [`u_${i}`, 'support'] } })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
  });

  it('turns off with TINYCHAT_LIMITS=off, and reads count/seconds settings', () => {
    expect(limitSettingsFromEnv({ TINYCHAT_LIMITS: 'off' }).restWrites).toBe(false);
    expect(limitSettingsFromEnv({}).restWrites).toBe(true);
    expect(limitSettingsFromEnv({ TINYCHAT_LIMIT_WRITES_PER_IP: '50/10', TINYCHAT_LIMIT_WRITES_PER_USER: 'nonsense' })).toMatchObject({
      writesPerAddress: { limit: 50, windowSeconds: 10 },
      writesPerUser: defaultLimitSettings.writesPerUser,
    });
  });
});

describe('REST write limits off', () => {
  it('lets every write through with restWrites off (TINYCHAT_LIMITS=off)', async () => {
    const off = await startTestServer({ limits: { restWrites: false, conversationsPerAddress: { limit: 1, windowSeconds: 600 } } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await off.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u'] } })).status);
      expect(statuses).toEqual([201, 201, 201]);
    } finally {
      await off.close();
    }
  });
});

describe('wrong keys, per address', () => {
  it('makes an address that keeps guessing agent keys wait (429 Retry-After), right key or not', async () => {
    const ask = (key: string) =>
      fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'api-key': key },
        body: JSON.stringify({ botId: 'private-bot', stream: false, messages: [{ role: 'user', content: 'hi' }] }),
      });
    expect([(await ask('tiny_sk_guess1')).status, (await ask('tiny_sk_guess2')).status, (await ask('tiny_sk_guess3')).status]).toEqual([401, 401, 401]);
    const blocked = await ask('tiny_sk_demo');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ code: 429, message: expect.stringMatching(/^too many wrong api keys from this address; retry in \d+ s$/) });
  });

  it('does the same for health keys', async () => {
    const health = (key: string) => fetch(`${server.url}/v1/health/llm`, { headers: { authorization: `Bearer ${key}` } });
    expect([(await health('tk_guess_1')).status, (await health('tk_guess_2')).status, (await health('tk_guess_3')).status]).toEqual([401, 401, 401]);
    const blocked = await health('tk_test_demo');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).not.toBeNull();
    expect((await blocked.json()).error).toMatchObject({ code: 'rate_limited', status: 429 });
  });
});
