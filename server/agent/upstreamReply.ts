import type { LlmUpstream } from './AgentSettings.ts';
import type { KnowledgeBase, Passage } from './KnowledgeBase.ts';
import { openUpstream } from './openUpstream.ts';
import type { ChatMessage } from './parseCompletionRequest.ts';
import type { Reply } from './Reply.ts';
import { citationsFor, retrieve } from './retrieve.ts';
import { upstreamTokens, type UpstreamMeta } from './upstreamTokens.ts';

/** The system message that grounds the model in the retrieved passages, so citations stay retrieval's. */
export function groundingPrompt(passages: readonly Passage[], pageUrl: (slug: string) => string): string {
  const intro =
    'You are the Acme Logistics support assistant. Answer from the help-page passages below, briefly, in markdown; ' +
    'link to a page when you use it. If the passages do not cover the question, say so and offer to hand over to a person.';
  if (passages.length === 0) return `${intro}\n\nNo help-page passage matched this question.`;
  const cited = passages.map((p, i) => `[${i + 1}] ${p.title} — ${p.heading} (${pageUrl(p.slug)})\n${p.text}`);
  return `${intro}\n\n${cited.join('\n\n')}`;
}

/**
 * Streams an OpenAI-compatible model's answer through, with the knowledge-base passages as a system message.
 * Resolves once the upstream has answered with headers, so its failures still become HTTP errors.
 */
export async function upstreamReply(
  llm: LlmUpstream,
  kb: KnowledgeBase,
  messages: readonly ChatMessage[],
  model: string,
  temperature: number | undefined,
  pageUrl: (slug: string) => string,
  signal: AbortSignal,
): Promise<Reply> {
  const { passages } = retrieve(kb, messages);
  const res = await openUpstream(
    llm,
    {
      model: llm.model ?? model,
      messages: [{ role: 'system', content: groundingPrompt(passages, pageUrl) }, ...messages],
      ...(temperature === undefined ? {} : { temperature }),
    },
    signal,
  );
  const meta: UpstreamMeta = {};
  const reply: Reply = { model: llm.model ?? model, cited: citationsFor(passages, pageUrl), tokens: [], usage: () => meta.usage };
  reply.tokens = (async function* () {
    for await (const token of upstreamTokens(res, meta)) {
      // The model the upstream says it used is the truthful one to report.
      if (meta.model !== undefined) reply.model = meta.model;
      yield token;
    }
  })();
  return reply;
}
