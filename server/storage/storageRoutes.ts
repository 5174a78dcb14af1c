import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { TYPE_BY_EXTENSION } from './imageTypes.ts';
import { objectFile, PUBLIC_PREFIX } from './objectPath.ts';

/**
 * `GET /storage/v1/object/public/chat/<path>`: uploaded images, readable without a key like a public
 * Supabase bucket (the random file name is the secret). Served as inert images: nosniff and a CSP that
 * forbids everything, so even a hostile file opened directly runs nothing.
 */
export function storageRoutes(uploadsDir: string) {
  return new Hono().get(`${PUBLIC_PREFIX}*`, async (c) => {
    const path = c.req.path.slice(PUBLIC_PREFIX.length);
    const found = objectFile(uploadsDir, path);
    const bytes = found && (await readFile(found.file).catch(() => undefined));
    if (found === undefined || bytes === undefined) return c.json({ error: 'object not found' }, 404);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': TYPE_BY_EXTENSION[found.ext] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      // The name is a fresh uuid per upload, so the content behind a URL never changes.
      'cache-control': 'public, max-age=31536000, immutable',
      'cross-origin-resource-policy': 'cross-origin',
    });
  });
}
