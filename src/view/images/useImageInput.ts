import { useSignal, type Signal } from '@preact/signals';
import type { ThreadItem, ThreadModel } from '../../state/types.ts';
import { useT } from '../I18n.tsx';
import { preloadUploadTray } from './lazyUploadTray.ts';

/** What picking, pasting and dropping images share: one way in, and the sentence for a refused file. */
export interface ImageInput {
  /** Checks and sends each file; a refused one sets `refusal` and leaves the draft alone. */
  add(files: Iterable<File>): void;
  /** Why the last file was refused (shown in role=alert), or null. */
  readonly refusal: Signal<string | null>;
  /** A drag with files is over the thread. */
  readonly dropping: Signal<boolean>;
  /** For the thread's root: paste and drag-and-drop of image files. */
  readonly handlers: {
    onPaste(e: ClipboardEvent): void;
    onDragOver(e: DragEvent): void;
    onDragLeave(e: DragEvent): void;
    onDrop(e: DragEvent): void;
  };
}

const hasFiles = (data: DataTransfer | null) => data !== null && Array.from(data.types).includes('Files');

/**
 * Images in (issue 6, item 2): "Attach image", paste and drag-and-drop all end in `thread.sendImage`, which checks
 * type and size before any upload. A reply in progress travels with the image. Text paste is left alone.
 */
export function useImageInput(thread: ThreadModel, replyTo: Signal<ThreadItem | null>): ImageInput {
  const t = useT();
  const refusal = useSignal<string | null>(null);
  const dropping = useSignal(false);
  const add = (files: Iterable<File>) => {
    if (thread.sendImage === undefined) return;
    for (const file of files) {
      const target = replyTo.peek();
      const refused = thread.sendImage(file, target === null ? undefined : { replyTo: target.message.id });
      const name = file.name || t('image');
      if (refused !== null) {
        refusal.value = t(refused === 'size' ? 'imageRefusedSize' : 'imageRefusedType', { name });
        continue;
      }
      refusal.value = null;
      replyTo.value = null;
    }
  };
  return {
    add,
    refusal,
    dropping,
    handlers: {
      onPaste(e) {
        const files = Array.from(e.clipboardData?.files ?? []);
        if (files.length === 0 || thread.sendImage === undefined) return;
        e.preventDefault();
        add(files);
      },
      onDragOver(e) {
        if (!hasFiles(e.dataTransfer) || thread.sendImage === undefined) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        if (!dropping.peek()) preloadUploadTray();
        dropping.value = true;
      },
      onDragLeave(e) {
        // Leaving for a child of the thread is not leaving.
        const next = e.relatedTarget as Node | null;
        if (next === null || !(e.currentTarget as Element).contains(next)) dropping.value = false;
      },
      onDrop(e) {
        dropping.value = false;
        const files = Array.from(e.dataTransfer?.files ?? []);
        if (files.length === 0 || thread.sendImage === undefined) return;
        e.preventDefault();
        add(files);
      },
    },
  };
}
