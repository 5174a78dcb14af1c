import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { parsePage, type KnowledgePage } from './parsePage.ts';
import { searchTerm } from './searchTerms.ts';

/** A retrieved section with the page it belongs to. */
export interface Passage {
  slug: string;
  title: string;
  heading: string;
  text: string;
  score: number;
}

interface Indexed {
  id: string;
  slug: string;
  title: string;
  heading: string;
  text: string;
  keywords: string;
}

/** Below this BM25 score a hit is noise (one fuzzy match of a common word), not an answer. */
const MIN_SCORE = 3;
/** Longest question searched; a chat question is far shorter, and the rest cannot change which page answers. */
export const MAX_QUERY = 1000;
/** Most distinct words searched, far more than a question has. */
export const MAX_WORDS = 32;
/** Keep hits within this fraction of the best one, so a weak second passage does not dilute the answer. */
const RELATIVE_CUTOFF = 0.45;

/** The demo agent's knowledge: markdown pages indexed by section with MiniSearch (BM25, fuzzy, prefix). */
export class KnowledgeBase {
  private readonly index: MiniSearch<Indexed>;
  private readonly bySlug: Map<string, KnowledgePage>;

  constructor(readonly pages: readonly KnowledgePage[]) {
    this.bySlug = new Map(pages.map((p) => [p.slug, p]));
    this.index = new MiniSearch<Indexed>({
      fields: ['title', 'heading', 'text', 'keywords'],
      storeFields: ['slug', 'title', 'heading', 'text'],
      processTerm: searchTerm,
      searchOptions: { boost: { heading: 2, keywords: 1.5 }, fuzzy: 0.2, prefix: (t) => t.length > 3, combineWith: 'OR' },
    });
    this.index.addAll(
      pages.flatMap((p) => p.sections.map((s, i) => ({ id: `${p.slug}#${i}`, slug: p.slug, title: p.title, heading: s.heading, text: s.text, keywords: p.keywords }))),
    );
  }

  /** The page with this slug, if any. */
  page(slug: string): KnowledgePage | undefined {
    return this.bySlug.get(slug);
  }

  /**
   * The best passages for a question, best first; empty when nothing in the pages is about it.
   * @param limit - at most this many passages @defaultValue 3
   */
  search(question: string, limit = 3): Passage[] {
    const hits = this.index.search(boundedQuery(question));
    const best = hits[0]?.score ?? 0;
    if (best < MIN_SCORE) return [];
    return hits
      .filter((h) => h.score >= best * RELATIVE_CUTOFF)
      .slice(0, limit)
      .map((h) => ({ slug: h.slug as string, title: h.title as string, heading: h.heading as string, text: h.text as string, score: h.score }));
  }
}

/**
 * The question as searched: its first MAX_QUERY characters, each word once (every word is a fuzzy search of its
 * own, and a repeated one cannot find another page), at most MAX_WORDS of them.
 */
export function boundedQuery(question: string): string {
  return [...new Set(question.slice(0, MAX_QUERY).split(/\s+/))].slice(0, MAX_WORDS).join(' ');
}

const DEFAULT_DIR = fileURLToPath(new URL('./knowledge/', import.meta.url));

/**
 * Reads every `*.md` page in a folder into a knowledge base.
 * @param dir - @defaultValue the pages kept in the repo, `server/agent/knowledge/`
 */
export async function loadKnowledgeBase(dir = DEFAULT_DIR): Promise<KnowledgeBase> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  const pages = await Promise.all(files.map(async (f) => parsePage(f.slice(0, -3), await readFile(`${dir}/${f}`, 'utf8'))));
  return new KnowledgeBase(pages);
}
