import { Component } from 'preact';
import { parseBlocks, parseMarkdown } from '../../markdown/parseBlocks.ts';
import { renderBlocks } from './renderMarkdown.tsx';

/** Props of {@link MarkdownBlock}. */
export interface MarkdownBlockProps {
  /** One completed block of an agent reply. */
  source: string;
}

/**
 * Renders one completed markdown block and never again while its source is the same: a parent that
 * re-renders because another block completed leaves this one alone (no parse, no diff).
 */
export class MarkdownBlock extends Component<MarkdownBlockProps> {
  override shouldComponentUpdate(next: MarkdownBlockProps): boolean {
    return next.source !== this.props.source;
  }

  override render({ source }: MarkdownBlockProps) {
    return <>{renderBlocks(parseBlocks(source))}</>;
  }
}

/**
 * Renders a whole finished text as safe markdown (e.g. an agent reply loaded from history).
 *
 * @example <Markdown text={message.body} />
 */
export function Markdown({ text }: { text: string }) {
  return <div class="tc-md">{renderBlocks(parseMarkdown(text))}</div>;
}
