/** The image types the server stores (jpeg, png, gif, webp, heic), by MIME type and by file extension. */
export const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic']);
const BY_EXTENSION: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
};

/** The server's upload ceiling (413 over 10 MB). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Why an image was refused before upload: `type` (not one of {@link IMAGE_TYPES}) or `size` (over {@link MAX_IMAGE_BYTES}). */
export type ImageRefusal = 'type' | 'size';

/**
 * Checks a picked, pasted or dropped file before any byte is uploaded, so a refusal is a
 * sentence at once rather than a 413/415 after a long upload. A file without a MIME type (some systems give
 * HEIC none) is judged by its extension and comes back typed, because the server reads the declared type.
 *
 * @returns the file to upload, or why it is refused
 */
export function checkImage(file: Blob): { ok: true; file: Blob } | { ok: false; reason: ImageRefusal } {
  const name = typeof (file as File).name === 'string' ? (file as File).name : '';
  let type = file.type.toLowerCase();
  if (type === '') type = BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''] ?? '';
  if (!IMAGE_TYPES.has(type)) return { ok: false, reason: 'type' };
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, reason: 'size' };
  if (type === file.type) return { ok: true, file };
  return { ok: true, file: new File([file], name || 'image', { type }) };
}
