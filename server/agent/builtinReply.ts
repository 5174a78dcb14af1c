import { composeAnswer } from './composeAnswer.ts';
import type { KnowledgeBase } from './KnowledgeBase.ts';
import { pace } from './pace.ts';
import type { ChatMessage } from './parseCompletionRequest.ts';
import type { Reply } from './Reply.ts';
import { retrieve } from './retrieve.ts';
import { tokenize } from './tokenize.ts';

/**
 * The demo agent: retrieval over the knowledge base, an answer composed from the best passages,
 * streamed word by word at `delayMs` per word.
 */
export function builtinReply(kb: KnowledgeBase, messages: readonly ChatMessage[], model: string, pageUrl: (slug: string) => string, delayMs: number, signal: AbortSignal): Reply {
  const { question, passages } = retrieve(kb, messages);
  const answer = composeAnswer(question, passages, pageUrl);
  return { model, cited: answer.cited, handover: answer.handover, tokens: pace(tokenize(answer.text), delayMs, signal), usage: () => undefined };
}
