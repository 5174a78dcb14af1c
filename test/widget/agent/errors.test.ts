import { describe, expect, test } from 'vitest';
import { AgentError, isAgentError } from '../../../src/agent/errors/AgentError.ts';
import { AgentHttpError } from '../../../src/agent/errors/AgentHttpError.ts';
import { NetworkError } from '../../../src/agent/errors/NetworkError.ts';
import { RateLimitError } from '../../../src/agent/errors/RateLimitError.ts';
import { retryAfterSeconds } from '../../../src/agent/retryAfterSeconds.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('retryAfterSeconds', () => {
  test.each([
    [{ 'retry-after': '12' }, 12],
    [{ 'retry-after': '0.2' }, 1],
    [{ 'retry-after': '0' }, 1],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:45 GMT' }, 45],
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }, 1],
    [{ 'x-ratelimit-reset': String(NOW / 1000 + 90) }, 90],
    [{ 'x-ratelimit-reset': String(NOW + 5_000) }, 5],
    [{ 'x-ratelimit-reset': String(NOW / 1000 - 10) }, 1],
    [{ 'retry-after': '7', 'x-ratelimit-reset': String(NOW / 1000 + 90) }, 7],
    [{ 'retry-after': 'soon' }, 30],
    [{}, 30],
  ])('%j → %i s', (headers, seconds) => {
    expect(retryAfterSeconds(new Headers(headers), NOW)).toBe(seconds);
  });
});

describe('error guards', () => {
  test('every error class is an AgentError with its kind', () => {
    const errors = [new AgentError('cut-off', 'x.'), new AgentHttpError(400, 'x.', 400, {}), new RateLimitError('x.', 3), new NetworkError(new TypeError('x'))];
    expect(errors.map((e) => [e.name, e.kind, isAgentError(e)])).toEqual([
      ['AgentError', 'cut-off', true],
      ['AgentHttpError', 'http', true],
      ['RateLimitError', 'rate-limit', true],
      ['NetworkError', 'network', true],
    ]);
  });

  test('the guard works on an error from another realm (no shared prototype) and rejects look-alikes', () => {
    const foreign = Object.assign(Object.create(null) as object, { name: 'RateLimitError', kind: 'rate-limit', message: 'Wait.', retryAfter: 3 });
    expect(isAgentError(foreign)).toBe(true);
    expect(isAgentError(new Error('plain'))).toBe(false);
    expect(isAgentError({ kind: 'made-up', message: 'x' })).toBe(false);
    expect(isAgentError('rate-limit')).toBe(false);
    expect(isAgentError(null)).toBe(false);
  });
});
