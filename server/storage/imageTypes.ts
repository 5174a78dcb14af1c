/** The image types an upload may be, with the file extension each is stored under. */
export const IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
} as const;

/** One of IMAGE_TYPES' keys. */
export type ImageType = keyof typeof IMAGE_TYPES;

/** The Content-Type a stored file is served with, by its extension. */
export const TYPE_BY_EXTENSION: Record<string, ImageType> = Object.fromEntries(Object.entries(IMAGE_TYPES).map(([type, ext]) => [ext, type as ImageType]));

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/**
 * Which allowed image type the bytes are, judged by their magic numbers; undefined for anything else.
 * The declared type alone is the client's word; a script or HTML file renamed `.png` must not be stored.
 */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  const head = ascii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(bytes, 8, 12))) return 'image/heic';
  return undefined;
}
