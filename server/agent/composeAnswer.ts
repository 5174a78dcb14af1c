import type { CitedResource } from './CitedResource.ts';
import type { Passage } from './KnowledgeBase.ts';
import { citationsFor } from './retrieve.ts';
import { wantsPerson } from './wantsPerson.ts';

/** What the built-in agent says, and the pages it used. */
export interface ComposedAnswer {
  text: string;
  cited: CitedResource[];
  /** The visitor asked for a person: the widget hands the conversation over (`message_payload.handover`). */
  handover?: boolean;
}

/** What the demo agent says when it hands the conversation to a person. */
export const HANDOVER_TEXT =
  "Of course. I've asked our support team to take over: a person will answer **here in this chat**, " +
  'usually within a few minutes during opening hours. You can leave this page; the conversation stays here when you come back.';

const GREETING = /^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings)\b/i;
const THANKS = /^\s*(thanks|thank you|cheers|great,? thanks)\b/i;

/**
 * Writes the demo agent's reply from retrieved passages: markdown with the passages under bold headings,
 * a link to each page, and the pages as citations. No passage: it says so and offers a person. A request for a
 * person is handed over (`handover`) whatever the help pages hold.
 * @param question - the user's last message
 * @param passages - best first, from {@link KnowledgeBase.search}
 * @param pageUrl - the public URL of a page on this server
 */
export function composeAnswer(question: string, passages: readonly Passage[], pageUrl: (slug: string) => string): ComposedAnswer {
  if (wantsPerson(question)) return { text: HANDOVER_TEXT, cited: [], handover: true };
  if (passages.length === 0) {
    if (GREETING.test(question)) {
      return {
        text: "Hello! I'm the Acme Logistics assistant. I can help with **delivery times**, **tracking**, **returns** and **your account**. What would you like to know?",
        cited: [],
      };
    }
    if (THANKS.test(question)) return { text: "You're welcome! Is there anything else I can help with?", cited: [] };
    return {
      text:
        "I'm sorry, I couldn't find anything about that in the Acme Logistics help pages. " +
        'Press **Talk to a person** above, or write "talk to a person", and someone from our support team will pick up this conversation.',
      cited: [],
    };
  }
  const parts = ["Here's what I found in our help pages:"];
  for (const p of passages) parts.push(`**${p.heading}** (from [${p.title}](${pageUrl(p.slug)}))\n\n${p.text}`);
  parts.push("If that doesn't answer your question, ask to talk to a person and our support team will help.");
  return { text: parts.join('\n\n'), cited: citationsFor(passages, pageUrl) };
}
