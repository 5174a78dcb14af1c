import type { Locator, Page } from 'playwright-core';

/** A real 1×1 PNG (decodes in Chromium). */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * A real PNG of `size` bytes, for uploads that must take a while: the 1×1 image, then padding after its end
 * chunk, which decoders stop before (so the sent message shows an image, not "unavailable").
 */
export function pngOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 7);
  TINY_PNG.copy(bytes, 0);
  return bytes;
}

/** Whether a request is an upload: POST …/conversations/:id/upload. */
export const isUpload = (r: { method(): string; url(): string }) => r.method() === 'POST' && /\/v1\/conversations\/[^/]+\/upload$/.test(new URL(r.url()).pathname);

/** Picks files through "Attach image" and the browser's file chooser, as a person does. */
export async function attach(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach image' }).click();
  await (await chooser).setFiles(files);
}

/** Fires a paste of `files` on `target` (Chromium builds the ClipboardEvent with a real DataTransfer). */
export async function pasteFiles(target: Locator, files: { name: string; type: string; base64: string }[]): Promise<void> {
  await target.evaluate((el, list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  }, files);
}

/** Drags `files` over `target` and drops them (dragenter, dragover, drop with one DataTransfer). */
export async function dropFiles(target: Locator, files: { name: string; type: string; base64: string }[]): Promise<void> {
  await target.evaluate((el, list) => {
    const data = new DataTransfer();
    for (const f of list) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, composed: true }));
  }, files);
}
