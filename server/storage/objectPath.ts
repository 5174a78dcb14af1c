import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { IMAGE_TYPES, type ImageType } from './imageTypes.ts';

// Only paths of exactly the shape we hand out: `<tenant uuid>/<conversation id>/<uuid>.<ext>`. Nothing else
// (no `..`, no separators, no dotfiles) can name a file, so no request reaches outside the uploads folder.
const SEGMENT = /^[A-Za-z0-9_-]{1,200}$/;
const OBJECT = /^([0-9a-f-]{36})\/([A-Za-z0-9_-]{1,200})\/([0-9a-f-]{36})\.(jpg|png|gif|webp|heic)$/;

/** The public URL prefix of the `chat` bucket, as Supabase Storage spells it. */
export const PUBLIC_PREFIX = '/storage/v1/object/public/chat/';

/**
 * A new object path for an upload.
 * @returns undefined when the conversation id cannot be a folder name (ids made by this server always can)
 */
export function newObjectPath(tenantId: string, conversationId: string, type: ImageType): string | undefined {
  if (!SEGMENT.test(conversationId)) return undefined;
  return `${tenantId}/${conversationId}/${randomUUID()}.${IMAGE_TYPES[type]}`;
}

/**
 * The file on disk for an object path from a URL, or undefined when the path is not one we could have made.
 * @returns the absolute file name and the extension
 */
export function objectFile(uploadsDir: string, path: string): { file: string; ext: string } | undefined {
  const m = OBJECT.exec(path);
  if (m === null) return undefined;
  return { file: join(uploadsDir, ...path.split('/')), ext: m[4] as string };
}
