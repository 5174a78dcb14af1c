import type { CitedResource } from '../../agent/types.ts';

/**
 * The sender id of the bot's messages in a conversation: `bot:<botId>` (e.g. `bot:demo-bot`), so a bot can
 * never be mistaken for a person whose user id happens to equal the bot id.
 */
export function botSenderId(botId: string): string {
  return `bot:${botId}`;
}

/** The line that starts the sources section of a bot message's body (a format marker, not UI text). */
const SOURCES_MARKER = '\n\nSources:\n';
const SOURCE_LINE = /^- \[((?:\\.|[^\\\]])*)\]\(([^()\s]*)\)$/;

/**
 * A finished agent reply as one message body: the answer's markdown, then, when it cited any, a trailing
 * section `Sources:` with one `- [title](url)` line per source. Plain-text readers (the inbox, e-mail digests)
 * see readable links; {@link splitBotBody} takes the section off again for the widget's sources list.
 *
 * @example formatBotBody('Returns are free.', [{ id: 'r', url: 'https://x/kb/returns', title: 'Returns', type: 'page' }])
 * // 'Returns are free.\n\nSources:\n- [Returns](https://x/kb/returns)'
 */
export function formatBotBody(text: string, sources: readonly Pick<CitedResource, 'url' | 'title'>[]): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const { url, title } of sources) {
    // Only URLs that survive the round trip (no spaces or parentheses) go in; the renderer checks the scheme.
    const href = url.replace(/[\s()]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
    if (href === '' || seen.has(href)) continue;
    seen.add(href);
    const label = (title.trim() || href).replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
    lines.push(`- [${label}](${href})`);
  }
  const answer = text.trimEnd();
  return lines.length === 0 ? answer : `${answer}${SOURCES_MARKER}${lines.join('\n')}`;
}

/** A bot message body split back into its answer and its sources (none when the body has no such section). */
export function splitBotBody(body: string): { text: string; sources: Pick<CitedResource, 'url' | 'title'>[] } {
  const at = body.lastIndexOf(SOURCES_MARKER);
  if (at < 0) return { text: body, sources: [] };
  const sources: Pick<CitedResource, 'url' | 'title'>[] = [];
  for (const line of body.slice(at + SOURCES_MARKER.length).split('\n')) {
    const match = SOURCE_LINE.exec(line);
    // Anything else after the marker means it was the answer's own text, not our section.
    if (match === null) return { text: body, sources: [] };
    sources.push({ title: match[1]!.replace(/\\(.)/g, '$1'), url: match[2]! });
  }
  return { text: body.slice(0, at), sources };
}
