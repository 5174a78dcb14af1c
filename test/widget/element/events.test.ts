import { afterEach, describe, expect, it } from 'vitest';
import { commandQueue, defineTinyChat, mount, type TinyChatErrorDetail } from '../../../src/index.ts';

describe("the element's events", () => {
  afterEach(() => document.body.replaceChildren());

  it('are dispatched under a colon-free name first, then the tinychat: one, with the same detail', async () => {
    const seen: { type: string; detail: TinyChatErrorDetail; composed: boolean; bubbles: boolean }[] = [];
    const record = (event: CustomEvent<TinyChatErrorDetail>) => seen.push({ type: event.type, detail: event.detail, composed: event.composed, bubbles: event.bubbles });
    // A secret key is refused before anything is sent: the widget reports it as a fatal error.
    defineTinyChat();
    const element = document.createElement('tiny-chat');
    element.setAttribute('api-key', 'tiny_sk_not_for_browsers');
    element.addEventListener('tinychat-error', (event) => record(event));
    element.addEventListener('tinychat:error', (event) => record(event));
    document.body.append(element);
    await expect.poll(() => seen.length).toBe(2);
    expect(seen.map((e) => e.type)).toEqual(['tinychat-error', 'tinychat:error']);
    expect(seen[0]?.detail).toEqual(seen[1]?.detail);
    expect(seen[0]?.detail).toMatchObject({ code: 'errorSecretKey', fatal: true });
    expect(seen[0]?.detail.message).toMatch(/secret/);
    expect(seen.every((e) => e.bubbles && e.composed)).toBe(true);
  });

  it('reach a listener on the document (they bubble out of the element)', async () => {
    const types: string[] = [];
    const listen = (event: Event) => types.push(event.type);
    document.addEventListener('tinychat-error', listen);
    try {
      mount({ apiKey: 'tiny_sk_not_for_browsers' });
      await expect.poll(() => types).toEqual(['tinychat-error']);
    } finally {
      document.removeEventListener('tinychat-error', listen);
    }
  });

  it("reach TinyChat('on', …) listeners under any of the three spellings of a name", async () => {
    defineTinyChat();
    const element = document.createElement('tiny-chat');
    element.setAttribute('api-key', 'tiny_sk_not_for_browsers');
    const heard: string[] = [];
    const run = commandQueue(element, [['on', 'error', () => heard.push('error')]]);
    run('on', 'tinychat-error', () => heard.push('tinychat-error'));
    run('on', 'tinychat:error', () => heard.push('tinychat:error'));
    document.body.append(element);
    await expect.poll(() => heard.length).toBe(3);
    expect(heard.sort()).toEqual(['error', 'tinychat-error', 'tinychat:error']);
  });
});
