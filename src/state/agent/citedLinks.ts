import type { CitedResource } from '../../transport/agent/types.ts';

/**
 * The pages a reply linked to in its text, as sources, each once: what a stopped reply keeps as its sources, since
 * the agent sends its cited resources only after the last token (`message_payload`), which a stopped reply never
 * gets.
 */
export function citedLinks(markdown: string): Pick<CitedResource, 'url' | 'title'>[] {
  const found = new Map<string, string>();
  for (const m of markdown.matchAll(/\[((?:\\.|[^\\\]\n])+)\]\((https?:\/\/[^()\s]+)\)/g)) {
    if (!found.has(m[2]!)) found.set(m[2]!, m[1]!.replace(/\\(.)/g, '$1'));
  }
  return [...found].map(([url, title]) => ({ url, title }));
}
