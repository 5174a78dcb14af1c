// Says in the page's footer which mode the local server runs in: `/v1/config` lists our extensions in
// `features` by default, and has no such field in hosted mode (TINYCHAT_COMPAT=hosted), as the hosted API.
const line = document.getElementById('server-mode');
if (line) {
  fetch('/v1/config', { headers: { 'x-tinychat-api-key': 'pk_test_demo' } })
    .then((res) => res.json())
    .then((config) => {
      line.textContent = Array.isArray(config.features)
        ? `Server mode: default, with our extensions (${config.features.join(', ')}).`
        : 'Server mode: hosted (TINYCHAT_COMPAT=hosted): only what the hosted API documents.';
    })
    .catch(() => {
      line.textContent = 'Server mode: unknown (the local server did not answer).';
    });
}
