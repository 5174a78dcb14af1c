import { describe, expect, test } from 'vitest';
import { checkImage, MAX_IMAGE_BYTES } from '../../../src/state/checkImage.ts';

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

describe('checkImage', () => {
  test('accepts the five image types the server stores, up to exactly 10 MB', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic']) {
      const f = file('x', type);
      expect(checkImage(f)).toEqual({ ok: true, file: f });
    }
    expect(checkImage(file('edge.png', 'image/png', MAX_IMAGE_BYTES)).ok).toBe(true);
    expect(checkImage(file('over.png', 'image/png', MAX_IMAGE_BYTES + 1))).toEqual({ ok: false, reason: 'size' });
  });

  test('refuses other types (SVG and BMP included: the server would refuse them too) before the size', () => {
    for (const [name, type] of [
      ['a.svg', 'image/svg+xml'],
      ['b.bmp', 'image/bmp'],
      ['c.pdf', 'application/pdf'],
      ['d.txt', 'text/plain'],
      ['e', ''],
    ]) {
      expect(checkImage(file(name!, type!, MAX_IMAGE_BYTES + 1)), name).toEqual({ ok: false, reason: 'type' });
    }
  });

  test('a file with no type is judged by its extension and comes back typed; an upper-case type is normalised', () => {
    const heic = checkImage(file('IMG_0001.HEIC', ''));
    expect(heic.ok && heic.file.type).toBe('image/heic');
    expect(heic.ok && (heic.file as File).name).toBe('IMG_0001.HEIC');
    const jpeg = checkImage(file('photo.jpeg', ''));
    expect(jpeg.ok && jpeg.file.type).toBe('image/jpeg');
    const upper = checkImage(file('p.PNG', 'IMAGE/PNG'));
    expect(upper.ok && upper.file.type).toBe('image/png');
  });
});
