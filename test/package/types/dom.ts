// Type tests of the DOM typings: each @ts-expect-error must be an error, every other line must compile.
import { defineTinyChat, mount, type TinyChatElement, type TinyChatErrorDetail, type TinyChatMessageDetail } from 'tinychat-widget';

defineTinyChat();
const found = document.querySelector('tiny-chat');
if (found !== null) {
  const element: TinyChatElement = found;
  element.open();
  element.addEventListener('tinychat-message', (event) => {
    const detail: TinyChatMessageDetail = event.detail;
    const body: string | null = detail.message.body;
    const mine: boolean = detail.mine;
    void [body, mine];
  });
  element.addEventListener('tinychat:error', (event) => {
    const detail: TinyChatErrorDetail = event.detail;
    const fatal: boolean = detail.fatal;
    void fatal;
  });
  element.addEventListener('tinychat-unread', (event) => {
    const count: number = event.detail.count;
    // @ts-expect-error: the unread event's detail has no message
    void event.detail.message;
    void count;
  });
  // Every element's own events keep their types.
  element.addEventListener('click', (event) => {
    const mouse: MouseEvent = event;
    void mouse;
  });
  // @ts-expect-error: the store is internal, not in the published types
  void element.store;
  // @ts-expect-error: there is no such method
  element.fly();
}
const created = document.createElement('tiny-chat');
void created.send('Hello');
// @ts-expect-error: send takes text
void created.send(42);

const { element, unmount } = mount({ apiKey: 'pk_test_demo', mode: 'inline', theme: 'auto' });
void element.toggle();
unmount();
// @ts-expect-error: not a mode
mount({ apiKey: 'pk_test_demo', mode: 'sideways' });
// @ts-expect-error: apiKey is required
mount({ userId: 'u_1' });
