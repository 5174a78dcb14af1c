import { describe, expect, test } from 'vitest';
import { AgentError, isAgentError } from '../../../src/transport/errors/AgentError.ts';
import { AgentHttpError } from '../../../src/transport/errors/AgentHttpError.ts';
import { AgentNetworkError } from '../../../src/transport/errors/AgentNetworkError.ts';
import { AgentRateLimitError } from '../../../src/transport/errors/AgentRateLimitError.ts';
import { readErrorResponse } from '../../../src/transport/agent/readErrorResponse.ts';
import { isHttpError } from '../../../src/transport/errors/HttpError.ts';
import { isTransportError } from '../../../src/transport/errors/TransportError.ts';
import { TRANSPORT_ERROR } from '../../../src/transport/errors/TransportError.ts';
import { toSentence } from '../../../src/transport/toSentence.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe("the agent's 429 wait (the transport's retryAfterSeconds, the agent's default and floor)", () => {
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
  ])('%j → %i s', async (headers, seconds) => {
    const error = await readErrorResponse(new Response('{}', { status: 429, headers }), NOW);
    expect(error).toBeInstanceOf(AgentRateLimitError);
    expect((error as AgentRateLimitError).retryAfterSeconds).toBe(seconds);
  });
});

describe('error guards', () => {
  test('every error class is an AgentError with its own kind, and a transport error (not an HTTP one)', () => {
    const errors = [new AgentError('cut-off', 'x.'), new AgentHttpError(400, 'x.', 400, {}), new AgentRateLimitError('x.', 3), new AgentNetworkError(new TypeError('x'))];
    expect(errors.map((e) => [e.name, e.kind, isAgentError(e), isTransportError(e), isHttpError(e)])).toEqual([
      ['AgentError', 'cut-off', true, true, false],
      ['AgentHttpError', 'agent-http', true, true, false],
      ['AgentRateLimitError', 'agent-rate-limit', true, true, false],
      ['AgentNetworkError', 'agent-network', true, true, false],
    ]);
  });

  test('one toSentence says them all, by kind and status', () => {
    expect(toSentence(new AgentError('cut-off', 'x.'))).toEqual({ key: 'agentCutOff' });
    expect(toSentence(new AgentNetworkError(new TypeError('x')))).toEqual({ key: 'agentUnreachable' });
    expect(toSentence(new AgentRateLimitError('x.', 3))).toEqual({ key: 'tooQuickly' });
    expect(toSentence(new AgentHttpError(401, 'x.', undefined, {}))).toEqual({ key: 'agentPrivate' });
    expect(toSentence(new AgentHttpError(422, 'x.', undefined, {}, 'Messages must not be empty.'))).toEqual({
      key: 'errorServerSaid',
      values: { text: 'Messages must not be empty.' },
    });
    expect(toSentence(new AgentHttpError(502, 'x.', undefined, {}, 'Upstream exploded.'))).toEqual({ key: 'agentProblem' });
  });

  test('the guard works on an error from another realm (no shared prototype) and rejects look-alikes', () => {
    // The brand is a registered symbol: the same in every realm of the page.
    const foreign = Object.assign(Object.create(null) as object, { [TRANSPORT_ERROR]: 'agent-rate-limit', kind: 'agent-rate-limit', message: 'Wait.' });
    expect(isAgentError(foreign)).toBe(true);
    expect(isAgentError({ kind: 'agent-rate-limit', message: 'Wait.' })).toBe(false);
    expect(isAgentError(new Error('plain'))).toBe(false);
    expect(isAgentError({ kind: 'made-up', message: 'x' })).toBe(false);
    expect(isAgentError('rate-limit')).toBe(false);
    expect(isAgentError(null)).toBe(false);
  });
});
