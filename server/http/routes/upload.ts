import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from '../../db/Db.ts';
import { IMAGE_TYPES, sniffImage, type ImageType } from '../../storage/imageTypes.ts';
import { newObjectPath, PUBLIC_PREFIX } from '../../storage/objectPath.ts';
import { ApiError } from '../ApiError.ts';
import { assertParticipant } from '../../identity/actingAs.ts';
import type { TenantEnv } from '../tenantAuth.ts';
import { findConversation } from './findConversation.ts';

/** The seed's upload ceiling. */
export const MAX_UPLOAD = 10 * 1024 * 1024;
/** The text of the seed's 413 row, also used for a whole request over the limit. */
export const TOO_LARGE = 'file too large (>10 MB)';
// Room for the multipart boundary and part headers around a file of exactly MAX_UPLOAD bytes.
const MULTIPART_OVERHEAD = 64 * 1024;

// The rest of an over-limit body is never read; closing stops the client reusing a socket it is still writing to.
const CLOSE = { connection: 'close' };
const tooLarge = () => new ApiError(413, TOO_LARGE);
const unsupported = (type: string) => new ApiError(415, `unsupported mime: ${type.slice(0, 100) || 'unknown'}`);

async function readFile(form: Record<string, unknown>): Promise<{ type: ImageType; bytes: Uint8Array }> {
  const file = form.file;
  if (!(file instanceof File)) throw new ApiError(400, 'file is required');
  if (file.size > MAX_UPLOAD) throw tooLarge();
  const declared = file.type.toLowerCase();
  if (!(declared in IMAGE_TYPES)) throw unsupported(file.type);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const actual = sniffImage(bytes);
  if (actual !== declared) throw unsupported(`${declared} (the file's content is ${actual ?? 'not an allowed image'})`);
  return { type: actual, bytes };
}

/**
 * `POST /conversations/:id/upload`: one image in the multipart field `file`, stored under
 * `<tenant>/<conversation>/<uuid>.<ext>`; 201 `{url, path}`. Served back by storageRoutes.
 */
export function uploadRoutes(db: Db, uploadsDir: string, publicUrl: (requestUrl: string) => string) {
  return new Hono<TenantEnv>().post(
    '/conversations/:id/upload',
    bodyLimit({ maxSize: MAX_UPLOAD + MULTIPART_OVERHEAD, onError: (c) => c.json({ error: TOO_LARGE }, 413, CLOSE) }),
    async (c) => {
      const tenantId = c.get('tenant').id;
      const convId = await findConversation(db, tenantId, c.req.param('id'));
      await assertParticipant(c, db, convId);
      let form: Record<string, unknown>;
      try {
        form = await c.req.parseBody();
      } catch {
        throw new ApiError(400, 'file is required (send multipart/form-data with a "file" field)');
      }
      const { type, bytes } = await readFile(form);
      const path = newObjectPath(tenantId, convId, type);
      if (path === undefined) throw new ApiError(400, 'this conversation id cannot hold uploads');
      const file = join(uploadsDir, ...path.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, bytes);
      return c.json({ url: `${publicUrl(c.req.url)}${PUBLIC_PREFIX}${path}`, path }, 201);
    },
  );
}
