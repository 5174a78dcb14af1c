import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startLiveServer, type LiveServer } from './liveServer.ts';

/** Generous: the machine's two cores are shared, and a wait is for a condition, never a deadline. */
export const WAIT = 20_000;

/**
 * The server runs the hosted API's surface only (`TINYCHAT_COMPAT=hosted`): cases that prove one of our extensions
 * (server read state, user channels, names, signed identity, the demo agent's hand-over) do not apply there.
 */
export const HOSTED = process.env.TINYCHAT_COMPAT === 'hosted';

export interface BrowserSuite {
  readonly live: LiveServer;
  readonly browser: Browser;
  /** A new person: their own context (storage, anonymous id), one page, opened at `path`. */
  person(path?: string): Promise<{ context: BrowserContext; page: Page }>;
}

/** One server (data on disk) and one Chromium for the whole file; closing Chromium closes every context. */
export function useBrowserSuite(): BrowserSuite {
  let live: LiveServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    live = await startLiveServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await live?.dispose();
  });
  const suite: BrowserSuite = {
    get live() {
      if (!live) throw new Error('the server is not started (use it inside a test)');
      return live;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started (use it inside a test)');
      return browser;
    },
    async person(path = '/') {
      const context = await suite.browser.newContext({ baseURL: suite.live.url });
      context.setDefaultTimeout(WAIT);
      const page = await context.newPage();
      await page.goto(path);
      return { context, page };
    },
  };
  return suite;
}

export interface StoredMessage {
  id: string;
  sender_id: string;
  body: string | null;
  deleted_at: string | null;
}

/** The conversation's history as the server has it (REST, newest 200). */
export async function history(live: LiveServer, conversationId: string): Promise<StoredMessage[]> {
  const res = await live.api(`/v1/conversations/${encodeURIComponent(conversationId)}/messages?limit=200`);
  if (res.status !== 200) throw new Error(`history ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as { messages: StoredMessage[] }).messages;
}

/** Sends a message as `senderId` over REST, as another client of the API would. */
export async function sendAs(live: LiveServer, conversationId: string, senderId: string, body: string): Promise<StoredMessage> {
  const res = await live.api(`/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
    method: 'POST',
    json: { sender_id: senderId, body },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`send ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as { message: StoredMessage }).message;
}
