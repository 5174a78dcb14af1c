/**
 * The block still being written, without markdown's marks, so a streaming reply never shows `**`, `_`, backticks,
 * link syntax or heading hashes: an emphasis or link shows as its words until the block completes and renders as
 * markdown. Cheap enough for every update (one block, a few passes), and it mostly only grows, so the tail's text
 * node is appended to as before.
 *
 * @example hideMarkers('See **[Returns](http://x/kb/ret') // 'See Returns'
 */
export function hideMarkers(tail: string): string {
  return (
    tail
      .replace(/\]\([^)\s]*\)?/g, '')
      .replace(/(^|[^\\])[[\]]/g, '$1')
      .replace(/^ {0,3}#{1,6}(?: |$)/gm, '')
      .replace(/^(\s*)[-*+] /gm, '$1• ')
      .replace(/(^|[^\\])(?:\*+|~~|`+)/g, '$1')
      .replace(/(^|[^\\])(?:\*+|~~|`+)/g, '$1')
      // Underscores mark emphasis only at a word's edge: snake_case stays as written.
      .replace(/(^|[^\w\\])__?(?=\w)|(\w)__?(?!\w)/g, '$1$2')
  );
}
