import { Markdown } from './Markdown.tsx';
import { SourcesList } from './SourcesList.tsx';
import { splitBotBody, splitStopped } from '../../state/agent/botMessage.ts';
import { useT } from '../I18n.tsx';

/**
 * A bot message from history (or just posted): its answer as safe markdown, and the `Sources:` section of the
 * body (see `formatBotBody`) as the sources list under it; a reply the visitor stopped says so above them.
 */
export function BotMessageBody({ text }: { text: string }) {
  const t = useT();
  const { text: body, sources } = splitBotBody(text);
  const { text: answer, stopped } = splitStopped(body);
  return (
    <div class="tc-msg-text tc-bot-text">
      <Markdown text={answer} />
      {stopped && <p class="tc-agent-note">{t('replyStopped')}</p>}
      <SourcesList sources={sources.map((s) => ({ id: s.url, type: 'page', ...s }))} />
    </div>
  );
}
