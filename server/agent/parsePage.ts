/** One knowledge-base page, as written in `knowledge/<slug>.md`. */
export interface KnowledgePage {
  slug: string;
  title: string;
  /** Words people use for this topic that the page itself may not (front matter `keywords`). */
  keywords: string;
  /** The markdown after the front matter. */
  body: string;
  sections: KnowledgeSection[];
}

/** A `## heading` and the markdown under it: the unit the agent retrieves and quotes. */
export interface KnowledgeSection {
  heading: string;
  text: string;
}

/**
 * Parses a page: a small front matter (`title:`, `keywords:`) and `## ` sections.
 * @throws Error when the page has no title, so a broken page fails at start-up, not in a reply
 */
export function parsePage(slug: string, source: string): KnowledgePage {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
  const front = match?.[1] ?? '';
  const body = (match?.[2] ?? source).trim();
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(front)?.[1]?.trim() ?? '';
  const title = field('title');
  if (title === '') throw new Error(`knowledge page ${slug} has no title`);
  const [preamble = '', ...parts] = body.split(/^## /m);
  // Text before the first heading is still worth finding; it goes under the page title.
  const sections: KnowledgeSection[] = preamble.trim() === '' ? [] : [{ heading: title, text: preamble.trim() }];
  for (const part of parts) {
    const newline = part.indexOf('\n');
    if (newline < 0 || part.trim() === '') continue;
    sections.push({ heading: part.slice(0, newline).trim(), text: part.slice(newline + 1).trim() });
  }
  return { slug, title, keywords: field('keywords'), body, sections };
}
