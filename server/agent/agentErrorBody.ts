/** OpenAI's error `type` for a status, as its SDKs expect it. */
function openAiType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** A short machine-readable `code` for a status (OpenAI's `code` is a string or null). */
function openAiCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    413: 'request_too_large',
    429: 'rate_limit_exceeded',
    502: 'upstream_error',
    503: 'upstream_busy',
    504: 'upstream_timeout',
  };
  return codes[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

/**
 * The agent's error body: Tiny Talk's `{code, message}` always; in default mode also OpenAI's
 * `error: {message, type, code}`, which OpenAI-compatible SDKs read for the reason (without it they print
 * "403 status code (no body)"). Hosted mode sends the seed's two fields only.
 */
export function agentErrorBody(status: number, message: string, extensions: boolean) {
  const seed = { code: status, message };
  return extensions ? { ...seed, error: { message, type: openAiType(status), code: openAiCode(status) } } : seed;
}
