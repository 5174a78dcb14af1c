import { assertPublishableKey } from './assertPublishableKey.ts';
import { createRequester, userTokenHeader } from './createRequester.ts';
import type { RestClientOptions } from './RestClientOptions.ts';
import type { Conversation, Message, TinyChatApi, TinyChatConfig, UploadResult, User } from './types.ts';

const seg = encodeURIComponent;

/**
 * The TinyChat REST client (the hosted TinyChat API): every endpoint, typed errors from `errors/`,
 * a timeout per attempt, and retries with exponential backoff and full jitter for calls that are safe to repeat:
 * reads, the user upsert, get-or-create with an `external_ref`, edits and deletes (setting the same state
 * twice is the same state), and sends that carry an `Idempotency-Key` (a send without one is tried once). Typing is fire-and-forget and
 * uploads are never repeated. Only network errors, timeouts and 408/429/500/502/503/504 are retried.
 *
 * @throws {@link SecretKeyError} or {@link MissingKeyError} at once for a key that must not be used
 * @example
 * ```ts
 * const api = createRestClient({ baseUrl: 'https://api.tinychat.dev', apiKey: 'pk_live_…' });
 * const { realtime } = await api.getConfig();
 * ```
 */
export function createRestClient(options: RestClientOptions): TinyChatApi {
  // Refused before any request exists, so a secret key never leaves the page.
  assertPublishableKey(options.apiKey);
  const request = createRequester(options);
  const conv = (id: string): string => `/conversations/${seg(id)}`;

  return {
    async getConfig(call) {
      return (await request({ method: 'GET', path: '/config', retry: true, signal: call?.signal })) as TinyChatConfig;
    },
    async upsertUser(input, call) {
      const body = (await request({ method: 'POST', path: '/users', json: input, retry: true, signal: call?.signal })) as { user: User };
      return body.user;
    },
    async listConversations(userId, kind, call) {
      const body = (await request({ method: 'GET', path: '/conversations', query: { user_id: userId, kind }, retry: true, signal: call?.signal })) as {
        conversations: Conversation[];
      };
      return body.conversations;
    },
    async getOrCreateConversation(input, call) {
      // Without an external_ref every POST makes a new conversation, so a retry after a lost answer would make two.
      const retry = typeof input.external_ref === 'string' && input.external_ref !== '';
      const body = (await request({ method: 'POST', path: '/conversations', json: input, retry, signal: call?.signal })) as { conversation: Conversation };
      return body.conversation;
    },
    async history(conversationId, query, call) {
      const body = (await request({
        method: 'GET',
        path: `${conv(conversationId)}/messages`,
        query: { before: query?.before, limit: query?.limit },
        retry: true,
        signal: call?.signal,
      })) as {
        messages: Message[];
      };
      return body.messages;
    },
    async send(conversationId, input, idempotencyKey, call) {
      // The key makes a repeat a replay on the server, so a send whose answer was lost is retried safely.
      const keyed = idempotencyKey !== '';
      const body = (await request({
        method: 'POST',
        path: `${conv(conversationId)}/messages`,
        json: input,
        headers: keyed ? { 'idempotency-key': idempotencyKey } : {},
        retry: keyed,
        signal: call?.signal,
      })) as { message: Message };
      return body.message;
    },
    async edit(conversationId, messageId, senderId, text, call) {
      // The seed documents no answer for edits and deletes: an empty or other body is a success all the same.
      const body = (await request({
        method: 'PATCH',
        path: `${conv(conversationId)}/messages/${seg(messageId)}`,
        json: { sender_id: senderId, body: text },
        retry: true,
        signal: call?.signal,
      })) as
        | {
            message?: Message;
          }
        | undefined;
      return body?.message;
    },
    async remove(conversationId, messageId, senderId, call) {
      const body = (await request({
        method: 'DELETE',
        path: `${conv(conversationId)}/messages/${seg(messageId)}`,
        json: { sender_id: senderId },
        retry: true,
        signal: call?.signal,
      })) as
        | {
            message?: Message;
          }
        | undefined;
      return body?.message;
    },
    async markRead(conversationId, userId, messageId, call) {
      await request({ method: 'POST', path: `${conv(conversationId)}/read`, json: { user_id: userId, message_id: messageId }, retry: true, signal: call?.signal });
    },
    async typing(conversationId, senderId, senderName, call) {
      // Fire-and-forget (seed): a typing event that arrives late is worse than none, so no retry.
      const json = senderName ? { sender_id: senderId, sender_name: senderName } : { sender_id: senderId };
      await request({ method: 'POST', path: `${conv(conversationId)}/typing`, json, retry: false, signal: call?.signal });
    },
    async upload(conversationId, file, onProgress, call) {
      const form = new FormData();
      // A File keeps its name; a bare Blob gets one so the server sees a file part, not a text field.
      form.append('file', file, typeof (file as File).name === 'string' && (file as File).name !== '' ? (file as File).name : 'upload');
      const path = `${conv(conversationId)}/upload`;
      const timeoutMs = options.uploadTimeoutMs ?? 120_000;
      const Xhr = options.XMLHttpRequest === undefined ? globalThis.XMLHttpRequest : options.XMLHttpRequest;
      if (Xhr) {
        // The XHR upload (real progress events) is a chunk of its own: only a visitor who sends an image loads it.
        const { uploadFile } = await import('./uploadFile.ts');
        const url = `${options.baseUrl.replace(/\/+$/, '')}/v1${path}`;
        return (await uploadFile(Xhr, {
          url,
          headers: { accept: 'application/json', 'x-tinychat-api-key': options.apiKey, ...userTokenHeader(options) },
          body: form,
          timeoutMs,
          signal: call?.signal,
          onProgress,
        })) as UploadResult;
      }
      // No XMLHttpRequest (Node, workers): fetch has no upload progress, so the bar jumps to done at the end.
      const result = (await request({ method: 'POST', path, body: form, retry: false, timeoutMs, signal: call?.signal })) as UploadResult;
      onProgress?.(1);
      return result;
    },
  };
}
