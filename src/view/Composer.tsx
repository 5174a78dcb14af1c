import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { COUNTER_FROM, MAX_MESSAGE_LENGTH, tooLong } from '../state/messageLimit.ts';
import type { ThreadModel } from '../state/types.ts';
import { useThreadActions } from './actions/ThreadActions.tsx';
import { loadDraft, saveDraft } from './drafts.ts';
import { useLocale, useT } from './I18n.tsx';

/** Props of {@link Composer}. Render it with `key={thread.viewKey ?? thread.conversationId}` so each conversation gets its own draft. */
export interface ComposerProps {
  thread: ThreadModel;
  /** Buttons before the message box: "Attach image" goes here (and paste/drop land on the form). */
  tools?: ComponentChildren;
}

/**
 * The message box ("Message") and "Send". Enter sends, Shift+Enter adds a line, and Enter that ends an IME
 * composition (Japanese, Chinese, Korean input) does not send. The box grows with its text up to a CSS max-height.
 * The draft is saved per conversation as it is typed and only cleared once `thread.send` has taken the text (the
 * outbox owns it from then on: pending, failed with Retry, never lost).
 */
export function Composer({ thread, tools }: ComposerProps) {
  const draft = useSignal(loadDraft(thread.conversationId));
  const box = useRef<HTMLTextAreaElement>(null);
  const actions = useThreadActions();
  const t = useT();
  const { tag } = useLocale();
  const limitId = useId();
  const length = draft.value.trim().length;
  const over = length > MAX_MESSAGE_LENGTH;

  // Grows with its text (and shrinks after a send): height follows scrollHeight, CSS max-height caps it and
  // then the box scrolls. Set through the CSSOM, which a strict style-src CSP allows.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    if (el.scrollHeight > 0) el.style.height = `${el.scrollHeight}px`;
  }, [draft.value]);

  const submit = () => {
    const text = draft.value.trim();
    // Held (the agent's 429 wait): the draft stays in the box until the visitor may send again.
    // Over the limit: refused here, before anything leaves (the sentence under the box says why).
    if (text === '' || tooLong(text) || thread.canSend?.() === false) return;
    // A reply in progress goes out as `reply_to` and the quote bar closes.
    const replyTo = actions?.replyTo.peek() ?? null;
    thread.send(text, replyTo === null ? undefined : { replyTo: replyTo.message.id });
    if (actions) actions.replyTo.value = null;
    draft.value = '';
    saveDraft(thread.conversationId, '');
  };

  return (
    <>
      {length >= COUNTER_FROM && (
        // Near the limit a count (read on focus through aria-describedby); over it the sentence, announced once.
        <p id={limitId} class="tc-limit" data-over={over ? 'true' : 'false'} role={over ? 'alert' : undefined}>
          {over ? t('messageTooLong') : t('charactersLeft', { count: (MAX_MESSAGE_LENGTH - length).toLocaleString(tag) })}
        </p>
      )}
      <form
        class="tc-composer"
        part="composer"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
          box.current?.focus();
        }}
      >
        {tools}
        <textarea
          ref={box}
          class="tc-input"
          part="input"
          dir="auto"
          aria-label={t('message')}
          placeholder={t('messagePlaceholder')}
          rows={1}
          aria-describedby={length >= COUNTER_FROM ? limitId : undefined}
          aria-invalid={over ? 'true' : undefined}
          value={draft.value}
          onInput={(e) => {
            draft.value = e.currentTarget.value;
            saveDraft(thread.conversationId, draft.value);
            thread.notifyTyping();
          }}
          onKeyDown={(e) => {
            // keyCode 229 is how Safari reports the Enter that commits a composition (its isComposing is already false).
            if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
            e.preventDefault();
            submit();
          }}
        />
        <button type="submit" class="tc-send" part="send-button" aria-disabled={over ? 'true' : undefined}>
          {t('send')}
        </button>
      </form>
    </>
  );
}
