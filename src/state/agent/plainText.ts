import { CONTINUED_MARKER, SOURCES_MARKER, STOPPED_MARKER } from './botMessage.ts';

/**
 * A message body as plain words, for what is read or shown as text only: the live region, list previews, the
 * `tinychat:message` event's `text`. The agent's markdown loses its marks (`**bold**` is "bold", a link its
 * label, a heading its hashes), its `Sources:` section and format marks; text with none of these comes out as it
 * went in. Deliberately small (it ships with the widget's first chunk); the thread renders markdown properly.
 *
 * @example plainText('See **[Returns](https://x/kb/returns)**.\n\nSources:\n- [Returns](https://x/kb/returns)') // 'See Returns.'
 */
export function plainText(body: string): string {
  let text = body;
  const sources = text.lastIndexOf(SOURCES_MARKER);
  if (sources >= 0) text = text.slice(0, sources);
  return text
    .replace(STOPPED_MARKER, '')
    .replace(CONTINUED_MARKER, '')
    .replace(/!?\[((?:\\.|[^\\\]])*)\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)/g, '$1')
    .replace(/^ {0,3}(?:#{1,6}|>)\s+/gm, '')
    .replace(/^(\s*)[-*+] (?=\S)/gm, '$1')
    .replace(/(\*\*|__|~~)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*\\])[*_](?=[^\s*_])([^*_\n]*?[^\s\\])[*_](?![\w*])/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\\([\\`*_[\]()#+.!>~-])/g, '$1')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
