import { useRef, useState } from 'react';
import type { TinyChatElement, TinyChatMessageDetail } from 'tinychat-widget';
// Types <tiny-chat> in JSX: its attributes and its ontinychat-* events.
import type {} from 'tinychat-widget/react';

export function App() {
  const chat = useRef<TinyChatElement>(null);
  const [last, setLast] = useState('');
  const [unread, setUnread] = useState(0);

  const onMessage = (event: CustomEvent<TinyChatMessageDetail>) => setLast(event.detail.message.body ?? '(an image)');

  return (
    <main>
      <h1>React 19 + TinyChat</h1>
      <p>
        Unread: {unread}. Last message: {last || 'none yet'}.{' '}
        <button type="button" onClick={() => chat.current?.open()}>
          Open the chat
        </button>
      </p>
      <tiny-chat
        ref={chat}
        api-key="pk_test_demo"
        base-url="http://localhost:8787"
        user-id="react_example"
        user-name="React Example"
        theme="auto"
        ontinychat-message={onMessage}
        ontinychat-unread={(event) => setUnread(event.detail.count)}
      />
    </main>
  );
}
