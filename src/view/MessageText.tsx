import { linkify } from './linkify.ts';

/** Every link in a message opens away from the page, passes no referrer and no ranking credit. */
export const MESSAGE_LINK_REL = 'noopener noreferrer nofollow ugc';

/**
 * A message body as text, with its http(s) URLs as links. Untrusted text only ever becomes text nodes
 * (Preact escapes children); `href` comes out of the URL parser, so `javascript:` and `data:` stay text.
 */
export function MessageText({ text }: { text: string }) {
  return (
    <p class="tc-msg-text">
      {linkify(text).map((part, i) =>
        'href' in part ? (
          <a key={i} href={part.href} target="_blank" rel={MESSAGE_LINK_REL}>
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
