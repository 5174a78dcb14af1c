const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits growing markdown into blocks at blank lines outside code fences, incrementally: each
 * {@link BlockSplitter.push} looks only at lines it has not seen, so a streamed reply is scanned once in all.
 * Completed blocks never change again, which is what lets the view render each of them once (issue 5).
 */
export class BlockSplitter {
  /** Text of the block still open: complete lines not yet closed by a blank line, plus the partial last line. */
  private open = '';
  /** How much of `open` is already scanned (always just after a newline). */
  private scanned = 0;
  /** The opening fence while inside a code block, e.g. "```". */
  private fence: string | null = null;
  private hasContent = false;
  /** The last chunk ended in `\r`: a `\n` starting the next one is the same line break. */
  private afterCR = false;

  /** The open block, as it will be rendered until it completes. */
  get tail(): string {
    return this.open;
  }

  /**
   * Adds text and returns the blocks it completed (without their trailing newlines).
   *
   * @param chunk - any slice of the reply, e.g. one token
   */
  push(chunk: string): string[] {
    const completed: string[] = [];
    const text = this.afterCR && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.afterCR = chunk.endsWith('\r');
    this.open += text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    for (;;) {
      const end = this.open.indexOf('\n', this.scanned);
      if (end < 0) break;
      const line = this.open.slice(this.scanned, end);
      if (this.fence !== null) {
        const close = FENCE.exec(line);
        if (close?.[1] && close[1][0] === this.fence[0] && close[1].length >= this.fence.length && line.trim() === close[1]) {
          this.fence = null;
        }
      } else if (line.trim() === '') {
        const block = this.open.slice(0, this.scanned).replace(/\n+$/, '');
        if (this.hasContent) completed.push(block);
        this.open = this.open.slice(end + 1);
        this.scanned = 0;
        this.hasContent = false;
        continue;
      } else {
        this.hasContent = true;
        const open = FENCE.exec(line);
        if (open?.[1] && !(open[1][0] === '`' && line.slice(line.indexOf('`') + open[1].length).includes('`'))) {
          this.fence = open[1];
        }
      }
      this.scanned = end + 1;
    }
    return completed;
  }
}

/** Splits a whole text into blocks, exactly as streaming it through a {@link BlockSplitter} would. */
export function splitBlocks(text: string): string[] {
  const splitter = new BlockSplitter();
  const blocks = splitter.push(text);
  if (splitter.tail.trim() !== '') blocks.push(splitter.tail.replace(/\n+$/, ''));
  return blocks;
}
