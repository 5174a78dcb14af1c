import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { TinyChatMessageDetail, TinyChatUnreadDetail } from 'tinychat-widget';

/**
 * `<tiny-chat>` in an Angular template: CUSTOM_ELEMENTS_SCHEMA lets the compiler accept the element, and the
 * colon-free event names bind with the usual `(event)` syntax. With strict templates, `$event` is typed from the
 * element's own `addEventListener` (`HTMLElementTagNameMap['tiny-chat']`), so the handlers take the exact detail.
 */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <h1>Angular + TinyChat</h1>
    <p>Unread: {{ unread() }}. Last message: {{ last() || 'none yet' }}.</p>
    <tiny-chat
      #chat
      api-key="pk_test_demo"
      base-url="http://localhost:8787"
      user-id="angular_example"
      user-name="Angular Example"
      (tinychat-message)="onMessage($event)"
      (tinychat-unread)="onUnread($event)"
    ></tiny-chat>
    <button type="button" (click)="chat.open()">Open the chat</button>
  `,
})
export class AppComponent {
  readonly last = signal('');
  readonly unread = signal(0);

  onMessage(event: CustomEvent<TinyChatMessageDetail>): void {
    this.last.set(event.detail.message.body ?? '(an image)');
  }

  onUnread(event: CustomEvent<TinyChatUnreadDetail>): void {
    this.unread.set(event.detail.count);
  }
}
