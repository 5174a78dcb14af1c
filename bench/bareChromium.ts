import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

/** One page of {@link launchBareChromium}, driven over its own DevTools connection. */
export interface BarePage {
  /** Sends a DevTools command and resolves with its result (rejects with its error). */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Evaluates an expression in the page (awaiting a promise) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Events received so far (method and params), e.g. `Tracing.dataCollected`. */
  readonly events: { method: string; params: Record<string, unknown> }[];
  goto(url: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, driven by plain DevTools commands instead of Playwright. Under Playwright's
 * instrumentation (it enables DevTools' Network domain, among others, on every page it drives) Chromium sends the
 * page's main thread a task for each network chunk a dedicated worker receives (~2,000 for a 2,000-token reply,
 * ~80 ms here; ~20 without it, seen in traces): a cost of the measuring tool that a visitor's browser does not have.
 * Here only the domains a bench asks for are on.
 */
export async function launchBareChromium(args: readonly string[]): Promise<{ newPage(): Promise<BarePage>; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'bare-chromium-'));
  const chrome = spawn('/usr/bin/chromium', [...args, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
  let port = 0;
  for (let i = 0; i < 200 && port === 0; i++) {
    port = Number((await readFile(join(profile, 'DevToolsActivePort'), 'utf8').catch(() => '')).split('\n')[0]) || 0;
    if (port === 0) await new Promise((r) => setTimeout(r, 50));
  }
  if (port === 0) throw new Error('Chromium did not open its DevTools port');
  return {
    async newPage() {
      const target = (await (await fetch(`http://127.0.0.1:${port}/json/new?about:blank`, { method: 'PUT' })).json()) as { id: string; webSocketDebuggerUrl: string };
      const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 1 << 30 });
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      let id = 0;
      const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
      const events: BarePage['events'] = [];
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown> };
        const call = message.id === undefined ? undefined : waiting.get(message.id);
        if (call && message.id !== undefined) {
          waiting.delete(message.id);
          if (message.error) call.reject(new Error(message.error.message));
          else call.resolve(message.result);
        } else if (message.method) events.push({ method: message.method, params: message.params ?? {} });
      });
      const send = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
        new Promise<T>((resolve, reject) => {
          const n = ++id;
          waiting.set(n, { resolve: resolve as (value: unknown) => void, reject });
          socket.send(JSON.stringify({ id: n, method, params }));
        });
      await send('Page.enable');
      return {
        send,
        events,
        async evaluate<T>(expression: string) {
          const { result, exceptionDetails } = await send<{ result: { value?: T }; exceptionDetails?: { exception?: { description?: string }; text: string } }>(
            'Runtime.evaluate',
            { expression, awaitPromise: true, returnByValue: true },
          );
          if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
          return result.value as T;
        },
        async goto(url) {
          const loaded = events.length;
          await send('Page.navigate', { url });
          for (let i = 0; i < 600 && !events.slice(loaded).some((e) => e.method === 'Page.loadEventFired'); i++) await new Promise((r) => setTimeout(r, 25));
        },
        async close() {
          socket.close();
          await fetch(`http://127.0.0.1:${port}/json/close/${target.id}`);
        },
      };
    },
    async close() {
      chrome.kill();
      await new Promise((r) => chrome.once('exit', r));
      await rm(profile, { recursive: true, force: true });
    },
  };
}
