/** A server's reason as a sentence: first letter capital, ending with a full stop (unless it ends with one). */
export function asSentence(text: string): string {
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}
