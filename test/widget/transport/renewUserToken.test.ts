// @vitest-environment node
// The REST client against the real server on the Secure Shop tenant (identity required), with real signed tokens.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import { isHttpError } from '../../../src/transport/errors/HttpError.ts';
import { startTestServer } from '../../server/helpers/testServer.ts';

// The Secure Shop tenant: identity required, signed with the demo secret.
const SECURE_KEY = 'pk_test_secure';
const secret = new TextEncoder().encode('tc_id_secret_demo');
const token = (sub: string, exp: number | string) => new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime(exp).sign(secret);

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('a user token that expired (a device that slept past its refresh)', () => {
  it('is renewed once on 401 and the call made again with the fresh token: reads and sends', async () => {
    let current = await token('u_sleeper', Math.floor(Date.now() / 1000) - 60);
    const asked: string[] = [];
    const api = createRestClient({
      baseUrl: server.url,
      apiKey: SECURE_KEY,
      userToken: () => current,
      renewUserToken: async () => {
        // The token the refused call carried: the expired one each time, never the fresh one.
        asked.push(current);
        current = await token('u_sleeper', '1h');
        return current;
      },
    });
    const conversation = await api.getOrCreateConversation({ kind: 'support', participants: ['u_sleeper', 'support'] });
    expect(asked).toHaveLength(1);
    current = await token('u_sleeper', Math.floor(Date.now() / 1000) - 60);
    const message = await api.send(conversation.id, { sender_id: 'u_sleeper', body: 'Sent after waking up' }, crypto.randomUUID());
    expect(message.body).toBe('Sent after waking up');
    expect(asked).toHaveLength(2);
    expect(asked.every((t) => Date.now() / 1000 > (JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp)).toBe(true);
    expect((await api.listConversations('u_sleeper')).map((c) => c.id)).toEqual([conversation.id]);
  });

  it('stays a 401 when no fresh token comes, or the same one comes back, and asks only once', async () => {
    const expired = await token('u_sleeper', Math.floor(Date.now() / 1000) - 60);
    for (const renew of [async () => undefined, async () => expired]) {
      let asked = 0;
      const api = createRestClient({
        baseUrl: server.url,
        apiKey: SECURE_KEY,
        userToken: () => expired,
        renewUserToken: () => {
          asked++;
          return renew();
        },
      });
      const error = await api.listConversations('u_sleeper').catch((e: unknown) => e);
      expect(isHttpError(error) && error.status).toBe(401);
      expect(asked).toBe(1);
    }
  });
});
