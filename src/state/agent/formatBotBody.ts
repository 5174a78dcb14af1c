import type { CitedResource } from '../../transport/agent/types.ts';
import { SOURCES_MARKER } from './botMessage.ts';

// Only the agent writes bot messages, so this lives apart from botMessage.ts (which the log needs to read them)
// and travels in the agent's chunk.
/**
 * A finished agent reply as one message body: the answer's markdown, then, when it cited any, a trailing
 * section `Sources:` with one `- [title](url)` line per source. Plain-text readers (the inbox, e-mail digests)
 * see readable links; `splitBotBody` (botMessage.ts) takes the section off again for the widget's sources list.
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
