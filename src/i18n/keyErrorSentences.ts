/**
 * The English sentences of the key errors, in a file of their own: the error classes carry them as their `message`
 * (and `tinychat-widget/errors` must not bring the whole English table along), the English table shows them.
 */
export const secretKeySentence =
  'This API key starts with "{prefix}", which marks a secret server key; it must never be put in a web page, so the chat widget did not use it. Use your publishable key (pk_live_… or pk_test_…) instead, and replace the secret key if it has been published.';

export const missingKeySentence = 'The chat widget has no API key. Set data-api-key (or api-key) to your publishable key, pk_live_… or pk_test_….';
