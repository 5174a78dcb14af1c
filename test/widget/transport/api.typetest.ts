// Type tests of the transport's public API: checked by `tsc`, never run.
import { createRealtimeConnector } from '../../../src/transport/createRealtimeConnector.ts';
import { createRestClient } from '../../../src/transport/createRestClient.ts';
import { isHttpError, isRateLimitError } from '../../../src/transport/errors/index.ts';
import { toSentence } from '../../../src/transport/toSentence.ts';
import type { ChannelStatus, LiveEvent, RealtimeConnector, TinyChatApi, TinyChatConfig } from '../../../src/transport/types.ts';

declare const config: TinyChatConfig;
declare const error: unknown;

const api: TinyChatApi = createRestClient({ baseUrl: 'https://api.tinychat.dev', apiKey: 'pk_live_x', timeoutMs: 5000, retries: 1 });
const live: RealtimeConnector = createRealtimeConnector(config);

// @ts-expect-error the key is required
createRestClient({ baseUrl: 'https://api.tinychat.dev' });
// @ts-expect-error fetch must be a fetch
createRestClient({ baseUrl: 'x', apiKey: 'pk_test_x', fetch: 'fetch' });
// @ts-expect-error a send always carries its Idempotency-Key
void api.send('c1', { sender_id: 'u1', body: 'hi' });
// @ts-expect-error kinds are a closed union
void api.listConversations('u1', 'sales');
// @ts-expect-error onProgress gets a fraction, not an event
void api.upload('c1', new Blob(), (event: ProgressEvent) => event);

live.subscribe('c1', {
  onEvent(event: LiveEvent) {
    if (event.type === 'typing') {
      const name: string | null = event.senderName;
      void name;
      // @ts-expect-error typing events carry no message
      void event.message;
    }
  },
  onStatus(status: ChannelStatus) {
    // @ts-expect-error statuses are realtime-js's four
    if (status === 'JOINING') return;
  },
});

if (isHttpError(error)) {
  const status: number = error.status;
  void status;
  // @ts-expect-error only a RateLimitError has a wait
  void error.retryAfterSeconds;
}
if (isRateLimitError(error)) {
  const wait: number | undefined = error.retryAfterSeconds;
  void wait;
}
// A sentence is data (a table key and its values), said by the view in the reader's language.
const sentence: { key: string } = toSentence(error);
// @ts-expect-error not a string any more
const words: string = toSentence(error);
void words;
void sentence;
