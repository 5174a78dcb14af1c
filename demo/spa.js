// The SPA demo: the widget mounted from its ES module entry, driven by its element API.
// A module file, not an inline script: a later issue serves these pages under a strict CSP.
import { mount } from '/dist/tinychat.mjs';

const EVENTS = ['tinychat:ready', 'tinychat:open', 'tinychat:close', 'tinychat:message', 'tinychat:unread', 'tinychat:error'];

const { element: chat } = mount({ apiKey: 'pk_test_demo', userName: 'SPA visitor' });

const log = /** @type {HTMLElement} */ (document.getElementById('event-log'));
/**
 * Appends one line to the on-page event log, newest last.
 * @param {string} text
 */
function note(text) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
  log.append(item);
  log.scrollTop = log.scrollHeight;
}

for (const name of EVENTS) {
  chat.addEventListener(name, (event) => note(`${name} ${JSON.stringify(/** @type {CustomEvent} */ (event).detail ?? null)}`));
}

/**
 * One of the page's forms, by id.
 * @param {string} id
 */
const form = (id) => /** @type {HTMLFormElement} */ (document.getElementById(id));

for (const button of document.querySelectorAll('[data-command]')) {
  button.addEventListener('click', () => {
    const command = /** @type {'open' | 'close' | 'toggle'} */ (button.getAttribute('data-command'));
    chat[command]();
    note(`called ${command}()`);
  });
}

form('send-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = new FormData(/** @type {HTMLFormElement} */ (event.target)).get('text');
  chat.send(String(text));
  note(`called send(${JSON.stringify(text)})`);
});

form('identify-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(/** @type {HTMLFormElement} */ (event.target));
  const user = { userId: String(data.get('userId')), name: String(data.get('name')), email: String(data.get('email')) };
  chat.identify(user);
  note(`called identify(${JSON.stringify(user)})`);
});
