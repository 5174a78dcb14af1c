import type { KnowledgeBase, Passage } from './KnowledgeBase.ts';
import type { ChatMessage } from './parseCompletionRequest.ts';

/**
 * Finds the passages for the conversation's last question. A follow-up like "and abroad?" finds nothing
 * alone, so the previous user turn is added before giving up.
 */
export function retrieve(kb: KnowledgeBase, messages: readonly ChatMessage[]): { question: string; passages: Passage[] } {
  const asked = messages.filter((m) => m.role === 'user' && m.content.trim() !== '').map((m) => m.content);
  const question = asked.at(-1) ?? '';
  let passages = kb.search(question);
  const previous = asked.at(-2);
  if (passages.length === 0 && previous !== undefined) passages = kb.search(`${previous} ${question}`);
  return { question, passages };
}

/** The cited-resources list for a set of passages, one entry per page. */
export function citationsFor(passages: readonly Passage[], pageUrl: (slug: string) => string) {
  const seen = new Set<string>();
  return passages.filter((p) => !seen.has(p.slug) && seen.add(p.slug)).map((p) => ({ id: p.slug, url: pageUrl(p.slug), title: p.title, type: 'url' as const }));
}
