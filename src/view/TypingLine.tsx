import { useT } from './I18n.tsx';

/**
 * "Ada is typing…" under the log. Not a live region: typing comes and goes every few seconds and announcing it
 * would drown the messages themselves.
 */
export function TypingLine({ names }: { names: readonly string[] }) {
  const t = useT();
  if (names.length === 0) return null;
  // '' is a sender who gave no name (an anonymous visitor, issue 6): the reader sees "Visitor".
  const [first = '', second = ''] = names.map((name) => name || t('visitor'));
  const line = names.length === 1 ? t('typingOne', { name: first }) : names.length === 2 ? t('typingTwo', { first, second }) : t('typingMany');
  return <p class="tc-typing">{line}</p>;
}
