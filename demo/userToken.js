// The demo's sign-in: gets a user token from the local server's dev-only route (a real site's server mints it
// after its own login) for every <tiny-chat data-demo-user="…"> on the page, gives the element a getUserToken()
// that asks again before the token expires, and only then loads the widget, so its first call carries the token.
// Without the route (the server runs without --demo) the widget loads without a token.

/**
 * A fresh token for one of the demo's users, or null when the server does not mint them.
 * @param {string} who - `support` or `shopper`
 * @returns {Promise<string | null>}
 */
async function fetchToken(who) {
  const res = await fetch(`/demo/user-token?for=${encodeURIComponent(who)}`);
  if (!res.ok) return null;
  return (await res.json()).token;
}

/** @type {(HTMLElement & { getUserToken?: () => Promise<string> })[]} */
const elements = [...document.querySelectorAll('tiny-chat[data-demo-user]')].map((e) => /** @type {HTMLElement} */ (e));
await Promise.all(
  elements.map(async (element) => {
    const who = element.dataset.demoUser ?? 'support';
    const token = await fetchToken(who).catch(() => null);
    if (token === null) return;
    element.setAttribute('user-token', token);
    element.getUserToken = async () => (await fetchToken(who)) ?? Promise.reject(new Error('no demo token'));
  }),
);
const script = document.createElement('script');
script.src = '/dist/tinychat.js';
document.body.append(script);

export {};
