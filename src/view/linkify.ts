import { httpUrl } from './httpUrl.ts';

/** A run of a message body: plain text, or a link whose `href` is a checked http(s) URL. */
export type TextPart = { readonly text: string } | { readonly text: string; readonly href: string };

// Only URLs written with their scheme become links: guessing "example.com" is a link would make links out of
// file names and sentences ending in a dot.
const URL_START = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'"»”’]+$/;

/**
 * Splits untrusted text into text and http(s) links. Nothing here produces markup: the view renders each part
 * as a text node or an `<a>` whose href came out of the URL parser.
 *
 * @example
 * linkify('See https://example.com/a.') // [{text:'See '}, {text:'https://example.com/a', href:'https://example.com/a'}, {text:'.'}]
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_START)) {
    const start = match.index;
    const candidate = trimUrl(match[0]);
    const href = httpUrl(candidate);
    if (href === null) continue;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Sentence punctuation after a URL is not part of it; a closing bracket is only when it has no opener inside. */
function trimUrl(raw: string): string {
  let url = raw.replace(TRAILING, '');
  while (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1).replace(TRAILING, '');
  return url;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
