// The SPA demo: the widget mounted from its ES module entry, driven by its element API.
// A module file, not an inline script: a later issue serves these pages under a strict CSP.
import { mount } from '/dist/tinychat.mjs';

const EVENTS = ['tinychat:ready', 'tinychat:open', 'tinychat:close', 'tinychat:message', 'tinychat:unread', 'tinychat:error'];

const { element: chat } = mount({ apiKey: 'pk_test_demo', userName: 'SPA visitor' });

const log = document.getElementById('event-log');
/** Appends one line to the on-page event log, newest last. */
function note(text) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

for (const name of EVENTS) {
  chat.addEventListener(name, (event) => note(`${name} ${JSON.stringify(event.detail ?? null)}`));
}

for (const button of document.querySelectorAll('[data-command]')) {
  button.addEventListener('click', () => {
    const command = button.getAttribute('data-command');
    chat[command]();
    note(`called ${command}()`);
  });
}

document.getElementById('send-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = new FormData(event.target).get('text');
  chat.send(String(text));
  note(`called send(${JSON.stringify(text)})`);
});

document.getElementById('identify-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const user = { userId: String(form.get('userId')), name: String(form.get('name')), email: String(form.get('email')) };
  chat.identify(user);
  note(`called identify(${JSON.stringify(user)})`);
});
