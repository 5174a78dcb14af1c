import { signal, type ReadonlySignal } from '@preact/signals';
import type { TinyChatApi, UploadResult } from '../transport/types.ts';
import { randomId } from './anonymousId.ts';
import { isTransient, sentenceOf } from './failure.ts';
import type { SendOptions, UploadItem } from './types.ts';

/** One conversation's images on their way to the server, before they become image messages. */
export interface Uploads {
  /** Oldest first; an upload leaves the list once its message is in the outbox. */
  readonly items: ReadonlySignal<readonly UploadItem[]>;
  /** Starts uploading an already checked image. */
  start(file: Blob, options?: SendOptions): UploadItem;
  /** Uploads a failed one again. */
  retry(id: string): void;
  /** Forgets one (a failed upload the visitor gives up on); an upload in flight is aborted. */
  discard(id: string): void;
}

export interface UploadsOptions {
  conversationId: string;
  api: TinyChatApi;
  /**
   * Called once per upload with the server's result: the caller queues the image message (through the outbox,
   * so the message is sent exactly once and a failed send is retried with this same result, never re-uploaded).
   */
  onUploaded(result: UploadResult, options: SendOptions): void;
}

/**
 * Uploads images with real progress (`TinyChatApi.upload`'s XHR upload progress, 0..1) and hands each result
 * over once. A failed upload keeps its file so Retry uploads it again; nothing is sent until an upload succeeded.
 * Uploads in flight when the thread closes still finish and still send (the outbox outlives the thread).
 */
export function createUploads({ conversationId, api, onUploaded }: UploadsOptions): Uploads {
  const items = signal<readonly UploadItem[]>([]);
  const aborts = new Map<string, AbortController>();
  const extras = new Map<string, SendOptions>();

  const update = (id: string, change: Partial<UploadItem>) => {
    items.value = items.value.map((u) => (u.id === id ? { ...u, ...change } : u));
  };
  const drop = (id: string) => {
    aborts.get(id)?.abort();
    aborts.delete(id);
    extras.delete(id);
    items.value = items.value.filter((u) => u.id !== id);
  };

  async function run(id: string): Promise<void> {
    const item = items.value.find((u) => u.id === id);
    if (item === undefined) return;
    const abort = new AbortController();
    aborts.set(id, abort);
    update(id, { status: 'uploading', progress: 0, error: null });
    let result: UploadResult;
    try {
      result = await api.upload(conversationId, item.file, (fraction) => update(id, { progress: fraction }), { signal: abort.signal });
    } catch (error) {
      if (abort.signal.aborted || !items.value.some((u) => u.id === id)) return;
      aborts.delete(id);
      update(id, { status: 'failed', error: sentenceOf(error), retryable: isTransient(error) });
      return;
    }
    aborts.delete(id);
    if (!items.value.some((u) => u.id === id)) return;
    const options = extras.get(id) ?? {};
    drop(id);
    // A later image went up: the notices of refused ones (which no retry could mend) have had their say.
    for (const u of items.value) if (u.status === 'failed' && u.retryable === false) drop(u.id);
    onUploaded(result, options);
  }

  return {
    items,
    start(file, options = {}) {
      const name = typeof (file as File).name === 'string' ? (file as File).name : '';
      const item: UploadItem = { id: randomId(), file, name, progress: 0, status: 'uploading', error: null };
      items.value = [...items.value, item];
      extras.set(item.id, options);
      void run(item.id);
      return item;
    },
    retry(id) {
      const item = items.value.find((u) => u.id === id);
      if (item?.status === 'failed') void run(id);
    },
    discard: drop,
  };
}
