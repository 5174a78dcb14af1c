// The lowest TypeScript the package states (4.7) reads its declarations, in both module resolutions.
import { mount, type TinyChatMessageDetail } from 'tinychat-widget';
import { isHttpError } from 'tinychat-widget/errors';

const { element } = mount({ apiKey: 'pk_test_demo' });
element.addEventListener('tinychat-message', (event) => {
  const detail: TinyChatMessageDetail = event.detail;
  void detail.message.id;
});
const found = document.querySelector('tiny-chat');
found?.open();
export const guard: (value: unknown) => boolean = isHttpError;
