/**
 * "Ada is typing…" under the log. Not a live region: typing comes and goes every few seconds and announcing it
 * would drown the messages themselves.
 */
export function TypingLine({ names }: { names: readonly string[] }) {
  if (names.length === 0) return null;
  const who = names.length === 1 ? `${names[0]} is` : names.length === 2 ? `${names[0]} and ${names[1]} are` : 'Several people are';
  return <p class="tc-typing">{who} typing…</p>;
}
