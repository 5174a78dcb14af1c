import { Markdown } from './Markdown.tsx';
import { SourcesList } from './SourcesList.tsx';
import { splitBotBody } from '../../state/agent/botMessage.ts';

/**
 * A bot message from history (or just posted): its answer as safe markdown, and the `Sources:` section of the
 * body (see `formatBotBody`) as the sources list under it.
 */
export function BotMessageBody({ text }: { text: string }) {
  const { text: answer, sources } = splitBotBody(text);
  return (
    <div class="tc-msg-text tc-bot-text">
      <Markdown text={answer} />
      <SourcesList sources={sources.map((s) => ({ id: s.url, type: 'page', ...s }))} />
    </div>
  );
}
