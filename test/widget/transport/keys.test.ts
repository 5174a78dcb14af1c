// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assertPublishableKey } from '../../../src/transport/assertPublishableKey.ts';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import { HttpError } from '../../../src/transport/errors/HttpError.ts';
import { isMissingKeyError, MissingKeyError } from '../../../src/transport/errors/MissingKeyError.ts';
import { NetworkError } from '../../../src/transport/errors/NetworkError.ts';
import { RateLimitError } from '../../../src/transport/errors/RateLimitError.ts';
import { isSecretKeyError, SecretKeyError } from '../../../src/transport/errors/SecretKeyError.ts';
import { TimeoutError } from '../../../src/transport/errors/TimeoutError.ts';
import { toSentence } from '../../../src/transport/toSentence.ts';
import { ar } from '../../../src/i18n/ar.ts';
import { es } from '../../../src/i18n/es.ts';
import { say } from '../../../src/i18n/sentence.ts';
import { json, startHttpServer, type HttpTestServer } from './helpers/startHttpServer.ts';

let server: HttpTestServer;
beforeAll(async () => {
  server = await startHttpServer((_req, res) => json(res, 200, {}));
});
afterAll(() => server?.close());

const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return expect.unreachable('should have thrown');
};

describe('assertPublishableKey', () => {
  test.each(['tiny_sk_demo', 'tiny_server_sk_abc', 'tk_live_abc', 'tk_test_demo', 'sk_live_abc', '  TK_LIVE_abc  '])(
    'refuses the secret key %j and says why and what to use',
    (key) => {
      const e = thrown(() => assertPublishableKey(key));
      expect(isSecretKeyError(e)).toBe(true);
      const message = (e as SecretKeyError).message;
      expect(message).toMatch(/secret/);
      expect(message).toContain('pk_live_');
      expect(message).toContain('pk_test_');
      // The key itself is never repeated in the message (it may end up in logs and error reporters).
      expect(message).not.toContain(key.trim().slice(-3));
    },
  );

  test('names the most specific prefix', () => {
    expect((thrown(() => assertPublishableKey('tiny_server_sk_x')) as SecretKeyError).prefix).toBe('tiny_server_sk_');
  });

  test.each(['', '   ', undefined, null])('refuses a missing key %j with its own error', (key) => {
    const e = thrown(() => assertPublishableKey(key));
    expect(isMissingKeyError(e)).toBe(true);
    expect((e as Error).message).toMatch(/no API key/);
  });

  test.each(['pk_test_demo', 'pk_live_abc', 'some_other_format'])('lets %j through (the server judges the rest)', (key) => {
    expect(() => assertPublishableKey(key)).not.toThrow();
  });

  test('createRestClient refuses a secret key before anything is sent', () => {
    expect(() => createRestClient({ baseUrl: server.url, apiKey: 'tiny_sk_demo' })).toThrow(SecretKeyError);
    expect(() => createRestClient({ baseUrl: server.url, apiKey: '' })).toThrow(/no API key/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('toSentence', () => {
  const http = (status: number, message: string) => new HttpError({ status, message, body: { error: message } });
  test.each([
    [new NetworkError(new TypeError('fetch failed')), true, 'The chat service could not be reached. Check your connection and try again.'],
    [new NetworkError(new TypeError('fetch failed')), false, 'You are offline. Check your connection and try again.'],
    [new TimeoutError(15000), true, 'The chat service took too long to answer. Try again.'],
    [http(401, 'invalid api key'), true, 'The chat is not set up correctly: its API key is not valid. Please tell the site owner.'],
    [http(401, 'missing x-tinychat-api-key header'), true, 'The chat is not set up correctly: its API key is not valid. Please tell the site owner.'],
    [http(403, 'tenant is suspended'), true, 'This chat is not available right now: the account has been suspended.'],
    [http(403, 'tenant is overage'), true, 'This chat is not available right now: the account has reached its plan limit.'],
    [http(403, 'only the sender can edit this message'), true, 'You can only change your own messages.'],
    [http(404, 'conversation not found'), true, 'This conversation was not found. It may have been removed.'],
    [http(404, 'message not found'), true, 'That message no longer exists.'],
    [http(413, 'file too large (>10 MB)'), true, 'That file is too large. Images can be at most 10 MB.'],
    [http(415, 'unsupported mime: text/plain'), true, 'That file type cannot be sent. Use a JPEG, PNG, GIF, WebP or HEIC image.'],
    [http(400, 'body is required'), true, 'Body is required.'],
    [http(400, 'HTTP 400'), true, 'The chat service could not do that. Try again.'],
    [http(500, 'relation "messages" does not exist'), true, 'The chat service had a problem. Try again.'],
    [http(503, 'HTTP 503'), true, 'The chat service had a problem. Try again.'],
    [new RateLimitError({ status: 429, message: 'slow down', body: {} }, 42), true, 'You are sending too quickly. Try again in 42 seconds.'],
    [new RateLimitError({ status: 429, message: 'slow down', body: {} }, 125), true, 'You are sending too quickly. Try again in 2 minutes 5 seconds.'],
    [new RateLimitError({ status: 429, message: 'slow down', body: {} }, undefined), true, 'You are sending too quickly. Wait a moment and try again.'],
    [new DOMException('This operation was aborted', 'AbortError'), true, 'Cancelled.'],
    [new Error('boom'), true, 'Something went wrong. Try again.'],
    ['a string', true, 'Something went wrong. Try again.'],
  ])('%o (online: %s) → %j', (error, online, sentence) => {
    expect(say(toSentence(error, online))).toBe(sentence);
  });

  test('is data: a table key (the tinychat:error code) and its values, said in any table', () => {
    expect(toSentence(new NetworkError(new TypeError('fetch failed')), false)).toEqual({ key: 'errorOffline' });
    expect(toSentence(new RateLimitError({ status: 429, message: 'slow down', body: {} }, 125))).toEqual({ key: 'errorTooQuicklyWait', values: { wait: 125 } });
    expect(say(toSentence(new RateLimitError({ status: 429, message: 'slow down', body: {} }, 125)), es, 'es')).toBe(
      'Estás enviando demasiado rápido. Inténtalo de nuevo en 2 minutos y 5 segundos.',
    );
    expect(say(toSentence(http(401, 'invalid api key')), ar, 'ar')).toBe(ar.errorBadKey);
    // Where no table sentence fits the status, the server's own words, the same in every language.
    expect(toSentence(http(400, 'body is required'))).toEqual({ key: 'errorServerSaid', values: { text: 'Body is required.' } });
    expect(say(toSentence(http(400, 'body is required')), es, 'es')).toBe('Body is required.');
  });

  test("a key error says the same as its message in English, and why in the reader's language", () => {
    expect(say(toSentence(new SecretKeyError('tiny_sk_')))).toBe(new SecretKeyError('tiny_sk_').message);
    expect(say(toSentence(new MissingKeyError()))).toBe(new MissingKeyError().message);
    const spanish = say(toSentence(new SecretKeyError('tiny_sk_')), es, 'es');
    expect(spanish).toContain('"tiny_sk_"');
    expect(spanish).toMatch(/clave secreta/);
    expect(spanish).toContain('pk_live_');
  });
});
