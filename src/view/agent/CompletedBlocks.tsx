import type { ReadonlySignal } from '@preact/signals';
import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { parseBlocks } from '../../markdown/parseBlocks.ts';
import { renderBlocks } from './renderMarkdown.tsx';

/**
 * A streaming reply's completed markdown blocks. Each is parsed and rendered once, when it completes, and appended;
 * nothing re-renders the ones before it (with 40 blocks, diffing the list on every completion was most of a reply's
 * script time). Its element is `display: contents`, so the blocks lay out as children of the reply's `.tc-md`.
 */
export function CompletedBlocks({ blocks }: { blocks: ReadonlySignal<readonly string[]> }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    let shown = 0;
    const stop = blocks.subscribe((list) => {
      for (; shown < list.length; shown++) {
        // Rendered into a detached element, then moved: markdown is static markup, Preact need not keep it.
        const holder = root.ownerDocument.createElement('div');
        render(<>{renderBlocks(parseBlocks(list[shown] ?? ''))}</>, holder);
        root.append(...holder.childNodes);
      }
    });
    return () => {
      stop();
      root.textContent = '';
    };
  }, [blocks]);
  return <div class="tc-md-done" ref={ref} />;
}
