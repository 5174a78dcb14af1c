// Type tests for the agent API, checked by `npm run typecheck` (tsc fails if an expected error goes away).
import { streamCompletion } from '../../../src/transport/agent/streamCompletion.ts';
import { createReplyModel } from '../../../src/state/agent/createReplyModel.ts';

const options = { agentUrl: 'http://x', botId: 'b', messages: [], onToken: () => undefined };

// @ts-expect-error agent keys are secret: the client has no apiKey option
void (() => streamCompletion({ ...options, apiKey: 'tiny_sk_demo' }));
// @ts-expect-error roles are the seed's three
void (() => streamCompletion({ ...options, messages: [{ role: 'tool', content: 'x' }] }));
// @ts-expect-error a reply's state is read-only to views: only actions change it
void (() => (createReplyModel().status.value = 'done'));
