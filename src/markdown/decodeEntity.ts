const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  euro: '€',
  middot: '·',
};

const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/;

/**
 * Decodes the HTML entity at `i` into the character(s) it names. The result only ever lands in a text
 * node, so `&lt;script&gt;` shows as the text `<script>` and never becomes an element.
 * Unknown names return null (shown literally).
 */
export function decodeEntity(text: string, i: number): { text: string; end: number } | null {
  const m = ENTITY.exec(text.slice(i, i + 40));
  if (!m?.[1]) return null;
  const name = m[1];
  let decoded: string | undefined;
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    decoded = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  } else {
    decoded = NAMED[name];
  }
  return decoded === undefined ? null : { text: decoded, end: i + m[0].length };
}
