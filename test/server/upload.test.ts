import { expect, it } from 'vitest';
import { describeOnBackends } from './helpers/restBackends.ts';
import { KEY, OTHER_KEY } from './helpers/testServer.ts';

const MB = 1024 * 1024;
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'));
const pad = (head: number[] | string, size = 64) => {
  const bytes = new Uint8Array(size);
  bytes.set(typeof head === 'string' ? Buffer.from(head, 'latin1') : head);
  return bytes;
};
const SAMPLES: Record<string, Uint8Array<ArrayBuffer>> = {
  'image/jpeg': pad([0xff, 0xd8, 0xff, 0xe0]),
  'image/png': PNG,
  'image/gif': pad('GIF89a'),
  'image/webp': pad('RIFF\x10\x00\x00\x00WEBPVP8 '),
  'image/heic': pad('\x00\x00\x00\x18ftypheic'),
};

describeOnBackends('uploads', (ctx) => {
  const upload = async (conv: string, file: Blob | string | undefined, options: { key?: string; name?: string } = {}) => {
    const form = new FormData();
    if (typeof file === 'string') form.set('file', file);
    else if (file !== undefined) form.set('file', file, options.name ?? 'img');
    form.set('note', 'x');
    return ctx().server.api(`/v1/conversations/${conv}/upload`, { method: 'POST', body: form, key: options.key });
  };

  it('stores an image and serves it back publicly, inert, with a long cache', async () => {
    const conv = await ctx().conversation();
    const res = await upload(conv, new Blob([PNG], { type: 'image/png' }), { name: 'receipt.png' });
    expect(res.status).toBe(201);
    const tenant = '11111111-2222-3333-4444-555555555555';
    expect(res.body.path).toMatch(new RegExp(`^${tenant}/${conv}/[0-9a-f-]{36}\\.png$`));
    expect(res.body.url).toBe(`${ctx().server.url}/storage/v1/object/public/chat/${res.body.path}`);

    const served = await fetch(res.body.url);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    // The URL then goes into an image message.
    const msg = await ctx().server.api(`/v1/conversations/${conv}/messages`, {
      method: 'POST',
      json: { sender_id: 'u_42', message_type: 'image', media_url: res.body.url },
    });
    expect(msg.body.message).toMatchObject({ message_type: 'image', media_url: res.body.url });
  });

  it('accepts each allowed type when its bytes agree, under /api/v1 too', async () => {
    const conv = await ctx().conversation();
    for (const [type, bytes] of Object.entries(SAMPLES)) {
      const form = new FormData();
      form.set('file', new Blob([bytes], { type }), 'f');
      const res = await ctx().server.api(`/api/v1/conversations/${conv}/upload`, { method: 'POST', body: form });
      expect(res.status, type).toBe(201);
      const served = await fetch(res.body.url);
      expect(served.headers.get('content-type')).toBe(type);
    }
  });

  it('answers 415 for types outside the list, and for bytes that are not the declared image', async () => {
    const conv = await ctx().conversation();
    const html = '<html><script>alert(1)</script></html>';
    expect(await upload(conv, new Blob([html], { type: 'text/html' }))).toMatchObject({ status: 415, body: { error: 'unsupported mime: text/html' } });
    expect(await upload(conv, new Blob(['<svg/>'], { type: 'image/svg+xml' }))).toMatchObject({ status: 415, body: { error: 'unsupported mime: image/svg+xml' } });
    const disguised = await upload(conv, new Blob([html], { type: 'image/png' }));
    expect(disguised).toMatchObject({ status: 415, body: { error: "unsupported mime: image/png (the file's content is not an allowed image)" } });
    const swapped = await upload(conv, new Blob([SAMPLES['image/gif'] as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
    expect(swapped).toMatchObject({ status: 415, body: { error: "unsupported mime: image/jpeg (the file's content is image/gif)" } });
  });

  it('answers 400 when there is no file', async () => {
    const conv = await ctx().conversation();
    expect(await upload(conv, undefined)).toMatchObject({ status: 400, body: { error: 'file is required' } });
    expect(await upload(conv, 'just text')).toMatchObject({ status: 400, body: { error: 'file is required' } });
    const json = await ctx().server.api(`/v1/conversations/${conv}/upload`, { method: 'POST', json: { file: 'x' } });
    expect(json).toMatchObject({ status: 400, body: { error: 'file is required' } });
    const broken = await ctx().server.api(`/v1/conversations/${conv}/upload`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nnot closed',
    });
    expect(broken.status).toBe(400);
  });

  it('answers 413 with the seed text above 10 MB, however the body arrives', async () => {
    const conv = await ctx().conversation();
    const png = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(PNG);
      return new Blob([bytes], { type: 'image/png' });
    };
    expect((await upload(conv, png(10 * MB))).status).toBe(201);
    expect(await upload(conv, png(10 * MB + 1))).toMatchObject({ status: 413, body: { error: 'file too large (>10 MB)' } });
    expect(await upload(conv, png(12 * MB))).toMatchObject({ status: 413, body: { error: 'file too large (>10 MB)' } });
    // Chunked, with no Content-Length to refuse up front.
    const chunk = new Uint8Array(MB);
    let left = 12;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (left-- > 0) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${ctx().server.url}/v1/conversations/${conv}/upload`, {
      method: 'POST',
      headers: { 'x-tinychat-api-key': KEY, 'content-type': 'multipart/form-data; boundary=zzz' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'file too large (>10 MB)' });
  });

  it('keeps tenants apart and needs a key to upload', async () => {
    const conv = await ctx().conversation();
    const file = () => new Blob([PNG], { type: 'image/png' });
    expect(await upload(conv, file(), { key: OTHER_KEY })).toMatchObject({ status: 404, body: { error: 'conversation not found' } });
    expect(await upload('c_missing', file())).toMatchObject({ status: 404, body: { error: 'conversation not found' } });
    const form = new FormData();
    form.set('file', file(), 'a.png');
    const noKey = await fetch(`${ctx().server.url}/v1/conversations/${conv}/upload`, { method: 'POST', body: form });
    expect(noKey.status).toBe(401);
  });

  it('serves nothing outside the bucket: unknown, malformed and traversing paths are 404', async () => {
    const base = `${ctx().server.url}/storage/v1/object/public/chat/`;
    const tenant = '11111111-2222-3333-4444-555555555555';
    const paths = [
      `${tenant}/c_x/00000000-0000-0000-0000-000000000000.png`,
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '%2e%2e/%2e%2e/package.json',
      `${tenant}/..%2F..%2Fpglite/00000000-0000-0000-0000-000000000000.png`,
      `${tenant}/c_x/.hidden.png`,
      `${tenant}/c_x/00000000-0000-0000-0000-000000000000.html`,
      '',
    ];
    for (const p of paths) {
      const res = await fetch(base + p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type'), p).toContain('application/json');
    }
  });
});
