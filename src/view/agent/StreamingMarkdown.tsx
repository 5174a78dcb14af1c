import { CompletedBlocks } from './CompletedBlocks.tsx';
import type { ReplyModel } from '../../state/agent/createReplyModel.ts';
import { MarkdownBlock } from './Markdown.tsx';
import { TailText } from './TailText.tsx';

/**
 * A reply as it streams: completed blocks as markdown, each rendered once (`CompletedBlocks`); the block still
 * being written as plain text in one text node that grows with the `tail` signal (`TailText`), so a token changes
 * that node and nothing else. Once the reply has ended the last block renders as markdown too.
 */
export function StreamingMarkdown({ reply }: { reply: Pick<ReplyModel, 'blocks' | 'tail' | 'status'> }) {
  const streaming = reply.status.value === 'streaming';
  return (
    <div class="tc-md">
      <CompletedBlocks blocks={reply.blocks} />
      {streaming ? <TailText text={reply.tail} /> : reply.tail.value.trim() !== '' && <MarkdownBlock source={reply.tail.value} />}
    </div>
  );
}
