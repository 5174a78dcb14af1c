// Vue's GlobalComponents entry: what vue-tsc checks `<tiny-chat …>` in a template against.
import type { GlobalComponents } from 'vue';
import type {} from 'tinychat-widget/vue';

type Props = InstanceType<GlobalComponents['tiny-chat']>['$props'];

export const ok: Props = {
  apiKey: 'pk_test_demo',
  userId: 'u_1',
  theme: 'auto',
  onTinychatMessage: (event) => void event.detail.message.body,
  onTinychatError: (event) => void event.detail.code,
};
// @ts-expect-error: not a theme
export const badTheme: Props = { theme: 'neon' };
// @ts-expect-error: the unread detail has no message
export const badDetail: Props = { onTinychatUnread: (event) => void event.detail.message };
