import { useT } from './I18n.tsx';

/** What the site says at the top of a new thread (`greeting`, `reply-time` attributes). */
export interface WelcomeText {
  /** The site's own greeting, shown as written; null: a friendly default in the reader's language. */
  greeting: string | null;
  /** How soon someone answers, in words that follow "We usually reply" ("within an hour"); null: not said. */
  replyTime: string | null;
}

/**
 * The top of a thread that holds no message yet: the greeting and, when the site says it, how soon a person
 * answers, so the first thing a visitor sees is someone talking to them (not "No messages yet"). `dir="auto"`:
 * the site's greeting may be in another script than the widget's language.
 */
export function Welcome({ greeting, replyTime }: WelcomeText) {
  const t = useT();
  return (
    <div class="tc-welcome" part="welcome">
      <p class="tc-welcome-title" dir="auto">
        {greeting ?? t('welcomeGreeting')}
      </p>
      <p class="tc-welcome-text" dir="auto">
        {replyTime !== null ? t('replyTime', { time: replyTime }) : t('welcomeText')}
      </p>
    </div>
  );
}
