/**
 * Whether a visitor's message asks for a person ("I want to talk to a human", "can I speak to someone?",
 * "agent please"), so the demo agent hands over instead of answering from the help pages. Deliberately
 * narrow: "how do I contact support by phone?" is a question for the help pages, not a request to hand over.
 */
export function wantsPerson(text: string): boolean {
  const t = text.toLowerCase();
  const person = /\b(human|person|people|someone|somebody|agent|operator|representative|real one|staff|team member)\b/;
  if (/^\s*(a\s+)?(human|person|agent|operator|representative)\s*(please|pls|now)?\s*[.!?]*\s*$/.test(t)) return true;
  const ask = /\b(talk|speak|chat|connect|transfer|hand (me )?over|put me through|get me|want|need|give me)\b[^.?!]{0,40}/;
  const match = ask.exec(t);
  return match !== null && person.test(match[0]);
}
