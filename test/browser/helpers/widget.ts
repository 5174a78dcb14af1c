import type { Locator, Page, Request } from 'playwright-core';

/**
 * The widget as a person finds it, by role and name. Playwright's role, label and text
 * locators pierce the element's open shadow root.
 */
export function widget(page: Page) {
  const log = page.getByRole('log', { name: 'Messages' });
  return {
    /** The launcher in either state. */
    launcher: page.getByRole('button', { name: /^(Open|Close) chat/ }),
    openButton: page.getByRole('button', { name: /^Open chat/ }),
    closeButton: page.getByRole('button', { name: /^Close chat/ }),
    panel: page.getByRole('dialog', { name: 'Chat' }),
    inlinePanel: page.getByRole('region', { name: 'Chat' }),
    conversations: page.getByRole('list', { name: 'Conversations' }),
    newConversation: page.getByRole('button', { name: 'New conversation' }),
    back: page.getByRole('button', { name: 'Back to conversations' }),
    messageBox: page.getByRole('textbox', { name: 'Message', exact: true }),
    sendButton: page.getByRole('button', { name: 'Send', exact: true }),
    log,
    messages: log.locator('[data-message-id]'),
    /**
     * Messages whose text contains `text`, case-sensitively (every copy, so a duplicate shows as a count of 2).
     * A string `hasText` would match case-insensitively: "Before the restart" would also find "Support, before the restart".
     */
    message: (text: string): Locator => log.locator('[data-message-id]', { hasText: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }),
    reconnecting: page.getByRole('status').filter({ hasText: 'Reconnecting…' }),
    alert: page.getByRole('alert'),
  };
}

export type Widget = ReturnType<typeof widget>;

/** Opens the launcher and gets into a thread: straight in, or through "New conversation" when the list shows. */
export async function openThread(page: Page): Promise<Widget> {
  const w = widget(page);
  await w.openButton.click();
  await w.messageBox.or(w.newConversation).first().waitFor();
  if (!(await w.messageBox.isVisible())) await w.newConversation.click();
  await w.messageBox.waitFor();
  return w;
}

/** Types `text` in the message box and presses Enter, as a person does. */
export async function type(w: Widget, text: string): Promise<void> {
  await w.messageBox.fill(text);
  await w.messageBox.press('Enter');
}

/** Whether a request is a send: POST …/conversations/:id/messages. */
export function isSend(request: Request): boolean {
  return request.method() === 'POST' && /\/v1\/conversations\/[^/]+\/messages$/.test(new URL(request.url()).pathname);
}

/** The conversation id in a send's URL. */
export function conversationOf(request: Request): string {
  const id = /\/conversations\/([^/]+)\/messages$/.exec(new URL(request.url()).pathname)?.[1];
  if (id === undefined) throw new Error(`not a send: ${request.url()}`);
  return decodeURIComponent(id);
}

/** The element that has focus, looked up through open shadow roots. */
export function deepFocus(page: Page): Promise<{ tag: string; label: string | null; inChat: boolean } | null> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      label: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? null,
      inChat: el.closest('[role="dialog"][aria-label="Chat"]') !== null,
    };
  });
}
