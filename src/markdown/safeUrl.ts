const ALLOWED: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * The normalised URL if `raw` is an absolute http, https or mailto URL, else `null`.
 * The returned `href` is what the URL parser understood, so what was checked is what the browser opens;
 * `JaVaScRiPt:`, control characters and tabs inside the scheme are all caught by the same parser.
 *
 * @param raw - an untrusted URL from an agent reply or a cited source
 */
export function safeUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return ALLOWED.includes(url.protocol) ? url.href : null;
}
