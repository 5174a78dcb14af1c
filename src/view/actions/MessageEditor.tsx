import { useSignal } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Sentence, ThreadItem } from '../../state/types.ts';
import { useT } from '../I18n.tsx';
import { useThreadActions } from './ThreadActions.tsx';
// Its CSS travels in its chunk (src/view/styles/featureStyles.ts).
export { editorStyles } from '../styles/editorStyles.ts';

/** Where focus goes once an edit or a delete is over: back to the row's own actions, or to the row. */
export function focusRow(messageId: string, from: Element | null, button?: 'edit' | 'delete'): void {
  // The log is found now: after the next render `from` (the editor, the confirm button) is gone.
  const log = from?.closest('.tc-log');
  requestAnimationFrame(() => {
    const row = log?.querySelector<HTMLElement>(`[data-message-id="${messageId.replace(/["\\]/g, '\\$&')}"]`);
    if (!row) return;
    const target = button === undefined ? null : row.querySelector<HTMLElement>(`.tc-msg-action[data-action="${button}"]`);
    if (target) return target.focus();
    row.tabIndex = -1;
    row.focus();
  });
}

/**
 * The message's text in place as a box ("Edit message") with Save and Cancel. Enter saves, Shift+Enter adds a
 * line, Escape cancels (and does not close the panel). A failed save keeps the text and says why (role=alert).
 */
export function MessageEditor({ item }: { item: ThreadItem }) {
  const t = useT();
  const actions = useThreadActions();
  const text = useSignal(item.message.body ?? '');
  const error = useSignal<Sentence | null>(null);
  const saving = useSignal(false);
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  if (actions === null) return null;
  const id = item.message.id;
  const done = () => {
    focusRow(id, box.current, 'edit');
    actions.editing.value = null;
  };
  const save = async () => {
    const body = text.value.trim();
    if (body === '' || saving.value) return;
    if (body === item.message.body) return done();
    saving.value = true;
    const failure = (await actions.thread.edit?.(id, body)) ?? null;
    saving.value = false;
    if (failure === null) done();
    else error.value = failure;
  };
  return (
    <form
      class="tc-msg-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <textarea
        ref={box}
        class="tc-msg-edit-input"
        aria-label={t('editMessage')}
        rows={2}
        value={text.value}
        onInput={(e) => (text.value = e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !e.isComposing) {
            e.stopPropagation();
            done();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
            e.preventDefault();
            void save();
          }
        }}
      />
      {error.value !== null && (
        <p class="tc-msg-failed" role="alert">
          {t(error.value)}
        </p>
      )}
      <div class="tc-msg-editor-buttons">
        <button type="submit" class="tc-msg-action" disabled={saving.value || text.value.trim() === ''}>
          {t('save')}
        </button>
        <button type="button" class="tc-msg-action" onClick={done}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Delete this message?" with "Yes, delete" and "Cancel", in place of the row's actions. */
export function DeleteConfirm({ item }: { item: ThreadItem }) {
  const t = useT();
  const actions = useThreadActions();
  const error = useSignal<Sentence | null>(null);
  const busy = useSignal(false);
  const yes = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => yes.current?.focus(), []);
  if (actions === null) return null;
  const id = item.message.id;
  const cancel = () => {
    focusRow(id, yes.current, 'delete');
    actions.confirmingDelete.value = null;
  };
  return (
    <div
      class="tc-msg-confirm"
      role="group"
      aria-label={t('confirmDelete')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        cancel();
      }}
    >
      <span>{t('confirmDelete')}</span>
      <button
        ref={yes}
        type="button"
        class="tc-msg-action"
        disabled={busy.value}
        onClick={async () => {
          busy.value = true;
          const failure = (await actions.thread.remove?.(id)) ?? null;
          busy.value = false;
          if (failure !== null) return void (error.value = failure);
          focusRow(id, yes.current);
          actions.confirmingDelete.value = null;
        }}
      >
        {t('yesDelete')}
      </button>
      <button type="button" class="tc-msg-action" onClick={cancel}>
        {t('cancel')}
      </button>
      {error.value !== null && (
        <p class="tc-msg-failed" role="alert">
          {t(error.value)}
        </p>
      )}
    </div>
  );
}
