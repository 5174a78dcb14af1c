import { act, cleanup, render } from '@testing-library/preact';
import { options, type VNode } from 'preact';
import { afterEach, describe, expect, test } from 'vitest';
import { createReplyModel } from '../../../src/state/agent/createReplyModel.ts';
import { Markdown } from '../../../src/view/agent/Markdown.tsx';
import { StreamingMarkdown } from '../../../src/view/agent/StreamingMarkdown.tsx';
import { seededRandom } from './helpers/random.ts';

const REPLY =
  '## Delivery 🚚\n\nOrders ship in **2 days** from [our depot](https://acme.example/depot).\n\n' +
  '```sh\nnpm install\n\nnpm test\n```\n\n- one\n- *two*\n- 三\n\n> Note: <script>alert(1)</script>\n\nThanks, that is all.';

/** Splits the reply into token-sized pieces with a seeded generator. */
function tokens(seed: number): string[] {
  const random = seededRandom(seed);
  const out: string[] = [];
  for (let i = 0; i < REPLY.length; ) {
    const n = 1 + Math.floor(random() * 6);
    out.push(REPLY.slice(i, i + n));
    i += n;
  }
  return out;
}

function manualFrames() {
  const queue: (() => void)[] = [];
  return { schedule: (f: () => void) => (queue.push(f), () => queue.splice(queue.indexOf(f), 1)), frame: () => act(() => queue.splice(0).forEach((f) => f())) };
}

/** Counts vnodes created from now on, by type: a component that does not render creates none. */
function countVNodes(): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  const previous = options.vnode;
  restore = () => (options.vnode = previous);
  options.vnode = (vnode: VNode) => {
    counts.set(vnode.type, (counts.get(vnode.type) ?? 0) + 1);
    previous?.(vnode);
  };
  return counts;
}
let restore = (): void => undefined;
afterEach(() => {
  restore();
  cleanup();
});

describe('StreamingMarkdown', () => {
  test('a token changes only the tail text node; completed blocks are never touched again', async () => {
    const frames = manualFrames();
    const model = createReplyModel({ schedule: frames.schedule });
    const { container } = render(<StreamingMarkdown reply={model} />);
    const root = container.firstElementChild as HTMLElement;

    model.append('# Title\n\nFirst **para**\n\nSecond');
    await frames.frame();
    const heading = root.querySelector('h3');
    const para = root.querySelector('strong')?.parentElement;
    expect(heading?.textContent).toBe('Title');
    expect(para?.textContent).toBe('First para');
    const tail = root.querySelector('.tc-md-tail');
    expect(tail?.textContent).toBe('Second');

    const created = countVNodes();
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((list) => mutations.push(...list));
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    for (const t of [' par', 'agraph', ' still ', 'open']) {
      model.append(t);
      await frames.frame();
    }
    await Promise.resolve();
    observer.disconnect();
    // Every change is the tail's own text node changing its data: no element added, removed or re-rendered.
    expect(mutations.length).toBeGreaterThan(0);
    for (const m of mutations) {
      expect(m.type).toBe('characterData');
      expect(m.target.parentNode).toBe(tail);
    }
    expect(tail?.textContent).toBe('Second paragraph still open');
    // Not even the list of blocks re-rendered: tokens went straight to the text node.
    expect(created.size).toBe(0);
    restore();

    model.append('\n\nThird');
    await frames.frame();
    expect(root.querySelector('h3')).toBe(heading);
    expect(root.querySelector('strong')?.parentElement).toBe(para);
    expect(root.querySelector('.tc-md-tail')?.textContent).toBe('Third');
    expect([...root.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['First para', 'Second paragraph still open', 'Third']);
  });

  test('completed blocks are not re-rendered when later blocks complete', async () => {
    const frames = manualFrames();
    const model = createReplyModel({ schedule: frames.schedule });
    const { container } = render(<StreamingMarkdown reply={model} />);
    model.append('**one**\n\n');
    await frames.frame();
    const first = container.querySelector('strong') as HTMLElement;
    const seen: MutationRecord[] = [];
    const observer = new MutationObserver((list) => seen.push(...list));
    observer.observe(first.parentElement as HTMLElement, { subtree: true, childList: true, characterData: true, attributes: true });
    const created = countVNodes();
    for (let i = 0; i < 30; i++) {
      model.append(`block ${i}\n\n`);
      await frames.frame();
    }
    await Promise.resolve();
    seen.push(...observer.takeRecords());
    observer.disconnect();
    expect(seen).toEqual([]);
    // The first block was parsed and rendered once: no <strong> vnode was made again.
    expect(created.get('strong')).toBeUndefined();
    expect(created.get('p')).toBeGreaterThanOrEqual(30);
    expect(container.querySelector('strong')).toBe(first);
    // 31 completed blocks and the (empty) streaming tail
    expect(container.querySelectorAll('p')).toHaveLength(32);
  });

  test.each([1, 2, 3, 4, 5])('once done, the streamed DOM equals the whole text rendered at once (seed %i)', async (seed) => {
    const frames = manualFrames();
    const model = createReplyModel({ schedule: frames.schedule });
    const { container } = render(<StreamingMarkdown reply={model} />);
    const random = seededRandom(seed * 31);
    for (const t of tokens(seed)) {
      model.append(t);
      if (random() < 0.3) await frames.frame();
    }
    await act(() => model.finish());
    expect(model.text.value).toBe(REPLY);
    const expected = render(<Markdown text={REPLY} />).container.innerHTML;
    // The completed blocks sit in a `display: contents` element of their own; otherwise the markup is the same.
    const done = container.querySelector('.tc-md-done');
    expect(done).not.toBeNull();
    done?.replaceWith(...done.childNodes);
    expect(container.innerHTML).toBe(expected);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://acme.example/depot');
  });
});
