import type { ReadonlySignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * The block still being written, as one text node that grows by `appendData`: Chromium then reuses the shaping of
 * the text already there (a whole new string is shaped again, which costs most with CJK and emoji). Updated straight
 * from the signal, without a render.
 */
export function TailText({ text }: { text: ReadonlySignal<string> }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const p = ref.current;
    if (!p) return undefined;
    const node = p.ownerDocument.createTextNode('');
    p.append(node);
    // What the node holds, kept here: reading `node.data` copies the string out of the DOM on every update.
    let shown = '';
    const stop = text.subscribe((value) => {
      if (value.length > shown.length && value.startsWith(shown)) node.appendData(value.slice(shown.length));
      else if (value !== shown) node.data = value;
      shown = value;
    });
    return () => {
      stop();
      node.remove();
    };
  }, [text]);
  return <p class="tc-md-tail" ref={ref} />;
}
