// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/createServer.ts';
import { startTestServer, type Api } from '../../server/helpers/testServer.ts';
import { say } from '../../../src/i18n/sentence.ts';
import { makeStore, until } from './helpers.ts';

let server: RunningServer & { api: Api };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Stored {
  id: string;
  body: string | null;
  sender_id: string;
  message_type: string;
  media_url: string | null;
  reply_to: string | null;
  edited_at: string | null;
}

async function serverHistory(conversationId: string): Promise<Stored[]> {
  const res = await server.api(`/v1/conversations/${conversationId}/messages?limit=200`);
  return res.body.messages as Stored[];
}

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const isUpload = (url: string) => /\/upload$/.test(new URL(url).pathname);

async function openThread(userId: string, fetchImpl?: typeof fetch) {
  const { store } = makeStore({ url: server.url, attributes: { 'user-id': userId }, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  await until(() => store.status.value === 'ready', 'ready');
  await store.startConversation();
  const thread = store.thread.value!;
  await until(() => thread.ready.value, 'first page');
  return { store, thread };
}

describe('images, edits and replies in the state, over the real server', () => {
  it('sendImage refuses other types and files over 10 MB without uploading; an image is uploaded, then sent once as an image message', async () => {
    let uploads = 0;
    const counting: typeof fetch = (input, init) => {
      if (isUpload(String(input))) uploads++;
      return fetch(input, init);
    };
    const { store, thread } = await openThread('u_media_1', counting);
    expect(thread.sendImage!(new File(['hi'], 'a.txt', { type: 'text/plain' }))).toBe('type');
    expect(thread.sendImage!(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' }))).toBe('size');
    expect(uploads).toBe(0);
    expect(thread.sendImage!(new File([PNG], 'dot.png', { type: 'image/png' }))).toBeNull();
    expect(thread.uploads!.value.map((u) => [u.name, u.status])).toEqual([['dot.png', 'uploading']]);
    await until(() => thread.items.value.some((i) => i.message.message_type === 'image' && i.status === 'sent'), 'image sent');
    expect(thread.uploads!.value).toEqual([]);
    const stored = await serverHistory(thread.conversationId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ message_type: 'image', sender_id: 'u_media_1' });
    expect(stored[0]!.media_url).toMatch(/^http:\/\/.+\.png$/);
    expect(uploads).toBe(1);
    store.dispose();
  });

  it('a failed upload waits with its sentence; Retry uploads again and the image is sent once', async () => {
    let failNext = true;
    const flaky: typeof fetch = async (input, init) => {
      if (isUpload(String(input)) && failNext) {
        failNext = false;
        throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    const { store, thread } = await openThread('u_media_2', flaky);
    thread.sendImage!(new File([PNG], 'retry.png', { type: 'image/png' }));
    await until(() => thread.uploads!.value[0]?.status === 'failed', 'upload failed');
    expect(say(thread.uploads!.value[0]!.error!)).toMatch(/could not be reached|offline/);
    expect(await serverHistory(thread.conversationId)).toEqual([]);
    thread.retryUpload!(thread.uploads!.value[0]!.id);
    await until(() => thread.items.value.some((i) => i.status === 'sent' && i.message.message_type === 'image'), 'sent');
    expect((await serverHistory(thread.conversationId)).filter((m) => m.message_type === 'image')).toHaveLength(1);
    store.dispose();
  });

  it("edit and remove change one's own message at once; another's message cannot be changed (a sentence says why)", async () => {
    const { store, thread } = await openThread('u_media_3');
    thread.send('first version');
    await until(() => thread.items.value[0]?.status === 'sent', 'sent');
    const id = thread.items.value[0]!.message.id;
    expect(await thread.edit!(id, '  second version ')).toBeNull();
    expect(thread.items.value[0]!.message).toMatchObject({ body: 'second version' });
    expect(thread.items.value[0]!.message.edited_at).not.toBeNull();
    expect((await serverHistory(thread.conversationId))[0]).toMatchObject({ body: 'second version' });

    const theirs = await server.api(`/v1/conversations/${thread.conversationId}/messages`, { method: 'POST', json: { sender_id: 'support', body: 'from support' } });
    const theirId = (theirs.body.message as Stored).id;
    thread.merge([theirs.body.message]);
    expect(await thread.edit!(theirId, 'hijacked')).toEqual({ key: 'errorNotSender' });
    expect(await thread.remove!(theirId)).toEqual({ key: 'errorNotSender' });

    expect(await thread.remove!(id)).toBeNull();
    expect(thread.items.value.find((i) => i.message.id === id)!.message.deleted_at).not.toBeNull();
    expect((await serverHistory(thread.conversationId)).map((m) => m.body)).toEqual(['from support']);
    store.dispose();
  });

  it('send with replyTo stores reply_to; findMessage loads older pages until the message is held, or says no', async () => {
    const { store, thread } = await openThread('u_media_4');
    thread.send('the question');
    await until(() => thread.items.value[0]?.status === 'sent', 'sent');
    const question = thread.items.value[0]!.message.id;
    for (let i = 0; i < 110; i++) {
      await server.api(`/v1/conversations/${thread.conversationId}/messages`, { method: 'POST', json: { sender_id: 'support', body: `filler ${i}` } });
    }
    thread.send('my answer', { replyTo: question });
    await until(() => thread.items.value.at(-1)?.status === 'sent', 'reply sent');
    expect((await serverHistory(thread.conversationId)).at(-1)).toMatchObject({ body: 'my answer', reply_to: question });
    store.dispose();

    // A fresh thread holds the newest page only.
    const again = makeStore({ url: server.url, attributes: { 'user-id': 'u_media_4' } }).store;
    await until(() => again.status.value === 'ready', 'ready');
    again.openConversation(thread.conversationId);
    const fresh = again.thread.value!;
    await until(() => fresh.ready.value, 'first page');
    expect(fresh.items.value.some((i) => i.message.id === question)).toBe(false);
    expect(await fresh.findMessage!(question)).toBe(true);
    expect(fresh.items.value[0]!.message.id).toBe(question);
    expect(await fresh.findMessage!('00000000-0000-4000-8000-000000000000')).toBe(false);
    again.dispose();
  });
});
