import { parseInline } from './parseInline.ts';
import { splitBlocks } from './BlockSplitter.ts';
import type { Block, Inline } from './types.ts';

const FENCE = /^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;
/** Quotes and lists nested deeper than this read as text: an agent reply is untrusted and must not blow the stack. */
const MAX_DEPTH = 8;
/** A block longer than this (no blank line in 20,000 characters) is shown as plain text rather than parsed. */
const MAX_BLOCK = 20_000;

/**
 * Parses a whole reply: split at blank lines outside fences (as the streaming view does), each part parsed
 * with {@link parseBlocks}. Built this way so the finished reply and its streamed blocks always agree.
 */
export function parseMarkdown(text: string): Block[] {
  return splitBlocks(text).flatMap((part) => parseBlocks(part));
}

/**
 * Parses markdown blocks: ATX headings, fenced code, bullet and ordered lists (nested by indent),
 * block quotes, thematic breaks and paragraphs. Indented code, tables, setext headings, HTML blocks
 * and reference links are not constructs here and read as paragraph text.
 *
 * @param source - markdown without a trailing blank line (one part from the block splitter, or more)
 */
export function parseBlocks(source: string, depth = 0): Block[] {
  if (depth > MAX_DEPTH || source.length > MAX_BLOCK) {
    const children = source.split('\n').flatMap((line, i): Inline[] => (i === 0 ? [line] : [{ type: 'br' }, line]));
    return [{ type: 'paragraph', children }];
  }
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    let m: RegExpExecArray | null;
    if (line.trim() === '') {
      i++;
    } else if ((m = FENCE.exec(line))) {
      const indent = (m[1] ?? '').length;
      const fence = m[2] ?? '```';
      const body: string[] = [];
      for (i++; i < lines.length; i++) {
        const l = lines[i] as string;
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(l);
        if (close?.[1] && close[1][0] === fence[0] && close[1].length >= fence.length) {
          i++;
          break;
        }
        body.push(l.replace(new RegExp(`^ {0,${indent}}`), ''));
      }
      blocks.push({ type: 'code', lang: /^[\w+#.-]*/.exec(m[3] ?? '')?.[0] ?? '', text: body.join('\n') });
    } else if ((m = HEADING.exec(line))) {
      blocks.push({ type: 'heading', level: (m[1] ?? '#').length, children: parseInline(m[2] ?? '') });
      i++;
    } else if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
    } else if (QUOTE.test(line)) {
      const inner: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i] as string); i++) inner.push((lines[i] as string).replace(QUOTE, ''));
      blocks.push({ type: 'quote', children: parseBlocks(inner.join('\n'), depth + 1) });
    } else if ((m = ITEM.exec(line))) {
      i = parseList(lines, i, blocks, depth);
    } else {
      const para: string[] = [];
      for (; i < lines.length && !startsBlock(lines[i] as string); i++) para.push((lines[i] as string).trim());
      blocks.push({ type: 'paragraph', children: parseInline(para.join('\n')) });
    }
  }
  return blocks;
}

function startsBlock(line: string): boolean {
  return line.trim() === '' || FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line);
}

/** Reads one list starting at `start` into `blocks`; returns the index of the first line after it. */
function parseList(lines: string[], start: number, blocks: Block[], depth: number): number {
  const first = ITEM.exec(lines[start] as string) as RegExpExecArray;
  const ordered = /\d/.test(first[2] ?? '');
  const markerIndent = (first[1] ?? '').length;
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i] as string);
    if (!m || /\d/.test(m[2] ?? '') !== ordered || (m[1] ?? '').length > markerIndent + 1) break;
    const gap = (m[3] ?? ' ').length;
    const contentIndent = (m[1] ?? '').length + (m[2] ?? '').length + (gap > 4 ? 1 : gap);
    const body = [m[4] ?? ''];
    for (i++; i < lines.length; i++) {
      const line = lines[i] as string;
      const indent = line.length - line.trimStart().length;
      if (line.trim() === '') body.push('');
      // Agents indent sub-lists by 2 under "1. " as often as by 3: anything deeper than the marker nests.
      else if (indent >= contentIndent || (indent > markerIndent + 1 && ITEM.test(line))) body.push(line.slice(Math.min(indent, contentIndent)));
      else if (startsBlock(line)) break;
      else body.push(line.trim());
    }
    items.push(parseBlocks(body.join('\n'), depth + 1));
  }
  const startNumber = ordered ? parseInt(first[2] ?? '1', 10) : 1;
  blocks.push({ type: 'list', ordered, start: startNumber, items });
  return i;
}
