import { useT } from '../I18n.tsx';
import { AgentErrorLine } from './AgentErrorLine.tsx';
import type { AgentRateLimitError } from '../../transport/errors/AgentRateLimitError.ts';
import { toSentence } from '../../transport/toSentence.ts';
import type { ReplyModel } from '../../state/agent/createReplyModel.ts';
import { RateLimitNotice } from './RateLimitNotice.tsx';
import { SourcesList } from './SourcesList.tsx';
import { StreamingMarkdown } from './StreamingMarkdown.tsx';

/** Props of {@link AgentReply}. */
export interface AgentReplyProps {
  reply: ReplyModel;
  /** Shown with an error: hands the conversation over to a person. */
  onTalkToPerson?: () => void;
  /**
   * Whether this bubble shows its own "Stop generating" button. Turn it off when the composer shows one,
   * so there is only one button of that name. @defaultValue true
   */
  showStop?: boolean;
}

/**
 * One agent reply in the thread: the streamed text as safe markdown (`aria-busy` while streaming),
 * "Stop generating" while streaming, the cited sources when done, and what went wrong if it failed.
 *
 * @example
 * const { model } = streamReply({ agentUrl, botId, messages });
 * <AgentReply reply={model} onTalkToPerson={() => handOver()} />
 */
export function AgentReply({ reply, onTalkToPerson, showStop = true }: AgentReplyProps) {
  const status = reply.status.value;
  const error = reply.error.value;
  const t = useT();
  const streaming = status === 'streaming';
  return (
    <div class="tc-agent-reply" aria-busy={streaming ? 'true' : 'false'} data-status={status}>
      <StreamingMarkdown reply={reply} />
      {streaming && showStop && <StopButton onStop={() => reply.stop()} />}
      {status === 'stopped' && <p class="tc-agent-note">{t('stopped')}</p>}
      <SourcesList sources={reply.sources.value} />
      {/* Said by kind and status in the reader's language; the error's English message is for programs. */}
      {error?.kind === 'agent-rate-limit' ? (
        <RateLimitNotice retryAfter={(error as AgentRateLimitError).retryAfterSeconds} />
      ) : (
        error && <AgentErrorLine sentence={toSentence(error)} onTalkToPerson={onTalkToPerson} />
      )}
    </div>
  );
}

/** The button that stops a streaming reply; its accessible name is exactly "Stop generating". */
export function StopButton({ onStop }: { onStop: () => void }) {
  const t = useT();
  return (
    <button type="button" class="tc-stop" onClick={onStop}>
      {t('stopGenerating')}
    </button>
  );
}
