import { describe, expect, test } from 'vitest';
import { BlockSplitter, splitBlocks } from '../../../src/markdown/BlockSplitter.ts';
import { seededRandom } from './helpers/random.ts';

const REPLY = [
  '# Shipping 🚚',
  '',
  'Orders ship in **2 days**.\nExpress is faster.',
  '',
  '',
  '```ts',
  'const a = 1;',
  '',
  '',
  'const b = 2;',
  '```',
  '',
  '- one\n- two',
  '\r\n~~~\nx\n\n~~~\n',
  '世界 end',
].join('\n');

describe('BlockSplitter', () => {
  test('splits at blank lines, never inside a code fence, and drops extra blank lines', () => {
    expect(splitBlocks(REPLY)).toEqual([
      '# Shipping 🚚',
      'Orders ship in **2 days**.\nExpress is faster.',
      '```ts\nconst a = 1;\n\n\nconst b = 2;\n```',
      '- one\n- two',
      '~~~\nx\n\n~~~',
      '世界 end',
    ]);
  });

  test.each(Array.from({ length: 20 }, (_, i) => i + 1))('streamed in random pieces it gives the same blocks (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const splitter = new BlockSplitter();
    const blocks: string[] = [];
    for (let i = 0; i < REPLY.length; ) {
      const n = 1 + Math.floor(random() * 12);
      blocks.push(...splitter.push(REPLY.slice(i, i + n)));
      i += n;
    }
    if (splitter.tail.trim()) blocks.push(splitter.tail);
    expect(blocks).toEqual(splitBlocks(REPLY));
  });

  test('the tail is the open block, partial line included', () => {
    const splitter = new BlockSplitter();
    expect(splitter.push('Hello\n\nWor')).toEqual(['Hello']);
    expect(splitter.tail).toBe('Wor');
    expect(splitter.push('ld\n```\n\n')).toEqual([]);
    expect(splitter.tail).toBe('World\n```\n\n');
  });

  test('a CRLF split between two pushes is one line break', () => {
    const splitter = new BlockSplitter();
    expect([...splitter.push('a\r'), ...splitter.push('\nb\r'), ...splitter.push('\n\r'), ...splitter.push('\nc')]).toEqual(['a\nb']);
    expect(splitter.tail).toBe('c');
  });

  test('an inline code span with three backticks does not open a fence', () => {
    expect(splitBlocks('```x``` is inline\n\nnext')).toEqual(['```x``` is inline', 'next']);
  });
});
