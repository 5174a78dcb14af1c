import { BlockSplitter } from '../../markdown/BlockSplitter.ts';
import { CONTINUED_MARKER } from './botMessage.ts';

/** What the server takes in one message (characters). */
export const MAX_MESSAGE = 10_000;

/**
 * A bot message body as the messages it is posted in: one when it fits, else parts cut at block boundaries (blank
 * lines outside code fences), each within `max` with {@link CONTINUED_MARKER} after all but the last, in order, so
 * `joinBotParts` shows them as one again. A block longer than a part is cut at a line, else a space, else anywhere
 * but inside a surrogate pair. The sources section, the last block, stays in the last part.
 *
 * @example splitReply('a'.repeat(6000) + '\n\n' + 'b'.repeat(6000)).length // 2
 */
export function splitReply(body: string, max = MAX_MESSAGE): string[] {
  if (body.length <= max) return [body];
  const room = max - CONTINUED_MARKER.length;
  const splitter = new BlockSplitter();
  const blocks = splitter.push(`${body}\n\n`);
  if (splitter.tail.trim() !== '') blocks.push(splitter.tail.replace(/\n+$/, ''));
  const parts: string[] = [];
  let part = '';
  const close = () => {
    if (part !== '') parts.push(part);
    part = '';
  };
  for (let block of blocks) {
    while (block.length > room) {
      close();
      const cut = cutAt(block, room);
      parts.push(block.slice(0, cut));
      block = block.slice(cut).replace(/^\n+/, '');
    }
    if (part !== '' && part.length + 2 + block.length > room) close();
    part = part === '' ? block : `${part}\n\n${block}`;
  }
  close();
  // The last part may take the whole limit: no marker follows it.
  return parts.map((p, i) => (i < parts.length - 1 ? p + CONTINUED_MARKER : p));
}

function cutAt(text: string, room: number): number {
  const line = text.lastIndexOf('\n', room);
  if (line > room / 2) return line;
  const space = text.lastIndexOf(' ', room);
  if (space > room / 2) return space + 1;
  const code = text.charCodeAt(room - 1);
  return code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
}
