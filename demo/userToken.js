// The demo's sign-in: gets a user token from the local server's dev-only route (a real site's server mints it
// after its own login) for every <tiny-chat data-demo-user="…"> on the page, asks again when the widget says the
// token is about to expire, and only then loads the widget, so its first call already carries the token.
// Without the route (the server runs without --demo) the widget loads without a token.
const fetchToken = async (who) => {
  const res = await fetch(`/demo/user-token?for=${encodeURIComponent(who)}`);
  if (!res.ok) return null;
  return (await res.json()).token;
};

const elements = [...document.querySelectorAll('tiny-chat[data-demo-user]')];
await Promise.all(
  elements.map(async (element) => {
    const token = await fetchToken(element.dataset.demoUser).catch(() => null);
    if (token === null) return;
    element.setAttribute('user-token', token);
    element.getUserToken = async () => (await fetchToken(element.dataset.demoUser)) ?? Promise.reject(new Error('no demo token'));
  }),
);
const script = document.createElement('script');
script.src = '/dist/tinychat.js';
document.body.append(script);
