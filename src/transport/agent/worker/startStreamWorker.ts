/**
 * Starts a worker from `url`, the widget's own worker script. A worker must come from the page's origin: when the
 * widget is served from elsewhere (a CDN), a same-origin `blob:` script imports it instead (`importScripts` needs no
 * CORS). Returns null where workers cannot run (no `Worker`, or the constructor refused).
 *
 * A strict Content-Security-Policy may block the worker after this returns; the caller sees that as an `error`
 * event before the worker's first message, and reads the stream on the main thread instead.
 */
export function startStreamWorker(url: string): Worker | null {
  if (typeof Worker === 'undefined' || typeof location === 'undefined') return null;
  try {
    const href = new URL(url, location.href);
    if (href.origin === location.origin) return new Worker(href);
    const blob = URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(href.href)})`], { type: 'text/javascript' }));
    try {
      return new Worker(blob);
    } finally {
      // The worker has its own reference once constructed; revoking frees it when it is done loading.
      setTimeout(() => URL.revokeObjectURL(blob), 10_000);
    }
  } catch {
    return null;
  }
}
