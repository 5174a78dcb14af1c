/** One provider's state, as the seed's `providers.<name>`; `detail` is ours, to say why. */
export interface ProviderStatus {
  status: 'ok' | 'error';
  detail: string;
}

/**
 * Probes a health URL with a GET: 2xx within the timeout is ok, anything else an error that says what happened.
 * @param headers - e.g. the upstream's Bearer key when probing its `/models`
 */
export async function probe(url: string, timeoutMs: number, headers: Record<string, string> = {}): Promise<ProviderStatus> {
  const started = Date.now();
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    await res.body?.cancel().catch(() => undefined);
    return res.ok ? { status: 'ok', detail: `HTTP ${res.status} in ${Date.now() - started} ms` } : { status: 'error', detail: `HTTP ${res.status}` };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    return { status: 'error', detail: timedOut ? `no answer within ${timeoutMs} ms` : 'unreachable' };
  }
}
