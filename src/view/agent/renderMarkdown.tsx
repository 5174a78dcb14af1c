import type { ComponentChildren, VNode } from 'preact';
import type { Block, Inline } from '../../markdown/types.ts';

/** Every link an agent writes opens away from the page and passes no referrer or ranking credit. */
export const LINK_REL = 'noopener noreferrer nofollow ugc';

/**
 * Turns parsed markdown into Preact vnodes. Text is only ever a child string (a text node), hrefs only
 * come from checked URLs, and no attribute is built from untrusted text except `href` and a
 * `language-*` class reduced to word characters.
 */
export function renderBlocks(blocks: readonly Block[]): VNode[] {
  return blocks.map(renderBlock);
}

function renderBlock(block: Block, key: number): VNode {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children)}</p>;
    case 'heading': {
      // Headings sit inside a message inside the widget's own heading levels: start at h3.
      const Tag = `h${Math.min(6, block.level + 2)}` as 'h3';
      return <Tag key={key}>{renderInlines(block.children)}</Tag>;
    }
    case 'code':
      return (
        <pre key={key}>
          <code class={block.lang ? `language-${block.lang}` : undefined}>{block.text}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderItem(item)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'quote':
      return <blockquote key={key}>{renderBlocks(block.children)}</blockquote>;
    case 'rule':
      return <hr key={key} />;
  }
}

/** Tight list items: a leading paragraph renders as bare inline content, without a `<p>`. */
function renderItem(item: readonly Block[]): ComponentChildren {
  const [head, ...rest] = item;
  if (head?.type !== 'paragraph') return renderBlocks(item);
  return [...renderInlines(head.children), ...renderBlocks(rest)];
}

/** Renders inline nodes; exported for one-line uses (e.g. a source title is plain text, never this). */
export function renderInlines(nodes: readonly Inline[]): ComponentChildren[] {
  return nodes.map(renderInline);
}

function renderInline(node: Inline, key: number): ComponentChildren {
  if (typeof node === 'string') return node;
  switch (node.type) {
    case 'strong':
      return <strong key={key}>{renderInlines(node.children)}</strong>;
    case 'em':
      return <em key={key}>{renderInlines(node.children)}</em>;
    case 'del':
      return <del key={key}>{renderInlines(node.children)}</del>;
    case 'code':
      return <code key={key}>{node.text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link':
      return (
        <a key={key} href={node.href} target="_blank" rel={LINK_REL}>
          {renderInlines(node.children)}
        </a>
      );
  }
}
