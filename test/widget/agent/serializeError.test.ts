import { describe, expect, it } from 'vitest';
import { AgentError, isAgentError } from '../../../src/transport/errors/AgentError.ts';
import { AgentHttpError } from '../../../src/transport/errors/AgentHttpError.ts';
import { AgentNetworkError } from '../../../src/transport/errors/AgentNetworkError.ts';
import { AgentRateLimitError } from '../../../src/transport/errors/AgentRateLimitError.ts';
import { reviveError, serializeError } from '../../../src/transport/agent/worker/serializeError.ts';

// What crosses from the stream worker to the page goes through structured clone: classes are lost on the way.
const roundTrip = (error: unknown) => reviveError(structuredClone(serializeError(error)));

describe('agent errors across the stream worker boundary', () => {
  it('a 429 comes back as an AgentRateLimitError with its wait and limit', () => {
    const back = roundTrip(new AgentRateLimitError('Too many requests.', 42, 10));
    expect(back).toBeInstanceOf(AgentRateLimitError);
    expect(back).toMatchObject({ kind: 'agent-rate-limit', status: 429, retryAfterSeconds: 42, limit: 10, message: 'Too many requests.' });
  });

  it('an HTTP error keeps its status, code and body', () => {
    const back = roundTrip(new AgentHttpError(403, 'Model not allowed.', 'model_not_allowed', { code: 'model_not_allowed', message: 'x' }));
    expect(back).toBeInstanceOf(AgentHttpError);
    expect(back).toMatchObject({ kind: 'agent-http', status: 403, code: 'model_not_allowed', body: { code: 'model_not_allowed', message: 'x' } });
  });

  it('a network failure and a cut-off stream keep their kinds; the cause (a worker-side Error) stays behind', () => {
    const network = roundTrip(new AgentNetworkError(new TypeError('Failed to fetch')));
    expect(network).toBeInstanceOf(AgentNetworkError);
    expect(network.kind).toBe('agent-network');
    expect(network.cause).toBeUndefined();
    const cut = roundTrip(new AgentError('cut-off', 'The reply was cut off. Please try again.'));
    expect(cut).toMatchObject({ kind: 'cut-off', message: 'The reply was cut off. Please try again.' });
  });

  it('anything else becomes a bad-stream agent error', () => {
    const back = roundTrip(new Error('boom'));
    expect(isAgentError(back)).toBe(true);
    expect(back.kind).toBe('bad-stream');
  });
});
