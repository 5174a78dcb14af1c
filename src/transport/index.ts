export { assertPublishableKey } from './assertPublishableKey.ts';
export { createRealtimeConnector } from './createRealtimeConnector.ts';
export { createRestClient } from './createRestClient.ts';
export * from './errors/index.ts';
export type { RealtimeConnectorOptions } from './RealtimeConnectorOptions.ts';
export type { RestClientOptions } from './RestClientOptions.ts';
export { retryAfterSeconds } from './retryAfterSeconds.ts';
export { toSentence } from './toSentence.ts';
export type * from './types.ts';
