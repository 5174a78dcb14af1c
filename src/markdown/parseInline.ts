import { decodeEntity } from './decodeEntity.ts';
import { safeUrl } from './safeUrl.ts';
import type { Inline } from './types.ts';

const PUNCT = /[!-/:-@[-`{-~]/;
const SPACE = /\s/;
const WORD = /[\p{L}\p{N}]/u;
const AUTOLINK = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/;
const EMAIL = /^<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/;
const BARE_URL = /^https?:\/\/[^\s<>]+/;
/** Deeper emphasis or link nesting than this is shown as text: an agent reply is untrusted and must not blow the stack. */
const MAX_DEPTH = 8;
/** Link labels and destinations longer than this are not links, so a stray `[` cannot make parsing quadratic. */
const MAX_LINK = 2048;

/** State of one parse: searches that already failed need not run again (keeps hostile input linear-ish). */
interface Context {
  inLink: boolean;
  depth: number;
  /** For each delimiter (e.g. "*2", "`3"): no closer exists after this index. */
  misses: Map<string, number>;
}

/**
 * Parses inline markdown (bold, italic, strikethrough, code, links, autolinks, bare http(s) URLs,
 * escapes, entities, line breaks) into a tree whose leaves are plain strings. Raw HTML is not a construct
 * here: `<b>` stays the three characters it is. A link whose URL is not http/https/mailto stays literal text.
 *
 * @param text - one paragraph or heading, newlines included (each becomes a line break)
 * @param inLink - true inside a link label, where links do not nest
 */
export function parseInline(text: string, inLink = false): Inline[] {
  return inline(text, { inLink, depth: 0, misses: new Map() });
}

function inline(text: string, ctx: Context): Inline[] {
  if (ctx.depth > MAX_DEPTH) return text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [{ type: 'br' } as const, line]));
  const inLink = ctx.inLink;
  const out: Inline[] = [];
  let buf = '';
  const flush = (): void => {
    if (buf) out.push(buf);
    buf = '';
  };
  const push = (node: Inline): void => {
    flush();
    out.push(node);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const rest = text.slice(i, i + 2);
    if (c === '\\' && i + 1 < text.length && PUNCT.test(text[i + 1] as string)) {
      buf += text[i + 1];
      i += 2;
    } else if (c === '\n' || rest === '\\\n') {
      push({ type: 'br' });
      i += c === '\n' ? 1 : 2;
    } else if (c === '`') {
      const run = runLength(text, i, '`');
      const close = findRun(text, i + run, '`', run, ctx.misses);
      if (close < 0) {
        buf += '`'.repeat(run);
      } else {
        let code = text.slice(i + run, close).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
        push({ type: 'code', text: code });
        i = close;
      }
      i += run;
    } else if (c === '*' || c === '_' || c === '~') {
      const span = emphasis(text, i, c, ctx);
      if (span) {
        push(span.node);
        i = span.end;
      } else {
        const run = runLength(text, i, c);
        buf += c.repeat(run);
        i += run;
      }
    } else if (c === '[' || rest === '![') {
      const link = inLink ? null : parseLink(text, c === '!' ? i + 1 : i);
      if (link) {
        const href = safeUrl(link.dest);
        // An image is shown as a link to it: the widget loads no remote images (privacy, tracking pixels).
        const label = c === '!' ? [link.label || link.dest] : inline(link.label, { inLink: true, depth: ctx.depth + 1, misses: new Map() });
        if (href) push({ type: 'link', href, children: label });
        else buf += text.slice(i, link.end);
        i = link.end;
      } else {
        buf += c;
        i++;
      }
    } else if (c === '<' && !inLink && (AUTOLINK.test(text.slice(i)) || EMAIL.test(text.slice(i)))) {
      const auto = AUTOLINK.exec(text.slice(i));
      const email = auto ? null : EMAIL.exec(text.slice(i));
      const raw = (auto ?? email)?.[0] ?? '';
      const href = auto ? safeUrl(auto[1] ?? '') : safeUrl(`mailto:${email?.[1] ?? ''}`);
      if (href) push({ type: 'link', href, children: [auto?.[1] ?? email?.[1] ?? ''] });
      else buf += raw;
      i += raw.length;
    } else if (c === '&') {
      const entity = decodeEntity(text, i);
      buf += entity ? entity.text : c;
      i = entity ? entity.end : i + 1;
    } else if (c === 'h' && !inLink && !WORD.test(text[i - 1] ?? ' ') && BARE_URL.test(text.slice(i))) {
      const url = trimUrl((BARE_URL.exec(text.slice(i)) as RegExpExecArray)[0]);
      const href = safeUrl(url);
      if (href) push({ type: 'link', href, children: [url] });
      else buf += url;
      i += url.length;
    } else {
      buf += c;
      i++;
    }
  }
  flush();
  return out;
}

function runLength(text: string, i: number, c: string): number {
  let j = i;
  while (text[j] === c) j++;
  return j - i;
}

/** Index of the next run of exactly `n` characters `c` at or after `from`, or -1. */
function findRun(text: string, from: number, c: string, n: number, misses: Map<string, number>): number {
  const key = `${c}${n}`;
  if (from >= (misses.get(key) ?? Infinity)) return -1;
  for (let j = text.indexOf(c, from); j >= 0; j = text.indexOf(c, j)) {
    const run = runLength(text, j, c);
    if (run === n) return j;
    j += run;
  }
  misses.set(key, Math.min(from, misses.get(key) ?? Infinity));
  return -1;
}

/** `**strong**`, `__strong__`, `*em*`, `_em_`, `~~del~~`, with the flanking rules that keep `2 * 3` and snake_case plain. */
function emphasis(text: string, i: number, c: string, ctx: Context): { node: Inline; end: number } | null {
  const run = runLength(text, i, c);
  const sizes = c === '~' ? (run === 2 ? [2] : []) : run >= 2 ? [2, 1] : [1];
  for (const n of sizes) {
    const after = text[i + n];
    if (after === undefined || SPACE.test(after)) continue;
    if (c === '_' && WORD.test(text[i - 1] ?? ' ')) continue;
    const key = `${c}${n}`;
    if (i + n >= (ctx.misses.get(key) ?? Infinity)) continue;
    const end = findCloser(text, i + n, c, n);
    if (end < 0) {
      // No closer after here means none after any later opener either: remember it.
      ctx.misses.set(key, i + n);
      continue;
    }
    const children = inline(text.slice(i + n, end), { inLink: ctx.inLink, depth: ctx.depth + 1, misses: new Map() });
    const type = c === '~' ? 'del' : n === 2 ? 'strong' : 'em';
    return { node: { type, children }, end: end + n };
  }
  return null;
}

function findCloser(text: string, from: number, c: string, n: number): number {
  for (let j = text.indexOf(c, from + 1); j >= 0; j = text.indexOf(c, j + 1)) {
    if (text[j - 1] === '\\') continue;
    const run = runLength(text, j, c);
    // In `***x***` the closing `**` is the last two of the run, the `*` before them closes the inner em.
    const at = run > n && n === 2 ? j + run - 2 : j;
    if (run < n || (n === 1 && run !== 1) || SPACE.test(text[j - 1] ?? ' ')) {
      j += run - 1;
      continue;
    }
    if (c === '_' && WORD.test(text[at + n] ?? ' ')) {
      j += run - 1;
      continue;
    }
    return at;
  }
  return -1;
}

/** `[label](dest "title")` starting at the `[`; returns null when it is not a well-formed link. */
function parseLink(text: string, i: number): { label: string; dest: string; end: number } | null {
  let depth = 0;
  let k = i;
  let closed = false;
  for (const stop = Math.min(text.length, i + MAX_LINK); k < stop && !closed; k++) {
    const ch = text[k];
    if (ch === '\\') k++;
    else if (ch === '[') depth++;
    else if (ch === ']') closed = --depth === 0;
  }
  k--;
  if (!closed || text[k + 1] !== '(') return null;
  const label = text.slice(i + 1, k);
  let j = k + 2;
  while (text[j] === ' ') j++;
  let dest = '';
  if (text[j] === '<') {
    const close = text.slice(0, j + MAX_LINK).indexOf('>', j);
    if (close < 0) return null;
    dest = text.slice(j + 1, close);
    j = close + 1;
  } else {
    let parens = 0;
    const start = j;
    for (const stop = Math.min(text.length, j + MAX_LINK); j < stop; j++) {
      const ch = text[j] as string;
      if (SPACE.test(ch)) break;
      if (ch === '\\') j++;
      else if (ch === '(') parens++;
      else if (ch === ')' && parens-- === 0) break;
    }
    dest = text.slice(start, j);
  }
  while (text[j] === ' ') j++;
  const quote = text[j];
  if (quote === '"' || quote === "'") {
    const close = text.slice(0, j + MAX_LINK).indexOf(quote, j + 1);
    if (close < 0) return null;
    j = close + 1;
    while (text[j] === ' ') j++;
  }
  if (text[j] !== ')') return null;
  return { label, dest, end: j + 1 };
}

/** Drops trailing punctuation a sentence put after a bare URL, and a `)` that has no `(` inside it. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1] as string;
    if ('.,:;!?"\'*_~'.includes(last)) end--;
    else if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}
