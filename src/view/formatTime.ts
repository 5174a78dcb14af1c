// One formatter of each kind per locale and page: building an Intl formatter costs far more than using one, and a
// thread formats a time per visible row on every render.
const timeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Parses a server time. The local server writes microseconds (`…:05.123456Z`); not every engine accepts more
 * than three fraction digits, so the extra ones are dropped first.
 */
export function parseTime(iso: string): Date | null {
  const date = new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A formatter for `tag`, or the browser default's when the tag is not one Intl knows (never throws). */
function formatter(cache: Map<string, Intl.DateTimeFormat>, tag: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = tag ?? '';
  let format = cache.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(tag, options);
    } catch {
      format = new Intl.DateTimeFormat(undefined, options);
    }
    cache.set(key, format);
  }
  return format;
}

/**
 * "14:05", "2:05 PM" or "٢:٠٥ م", in the visitor's locale.
 *
 * @param tag - BCP 47 tag of the resolved locale (`useLocale().tag`); undefined = the browser's default
 */
export function formatClock(date: Date, tag?: string): string {
  return formatter(timeFormats, tag, { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** For lists: the clock time today, the date otherwise ("3 dic", "Dec 3"), in the locale `tag`. */
export function formatShort(date: Date, now: Date = new Date(), tag?: string): string {
  if (date.toDateString() === now.toDateString()) return formatClock(date, tag);
  return formatter(dateFormats, tag, { month: 'short', day: 'numeric' }).format(date);
}

/**
 * Builds the formatters ahead of need. The first Intl formatter of a page loads locale data (tens of ms in
 * Chromium); ChatApp calls this when the browser is idle so that cost is not paid in the task that opens a thread.
 */
export function warmFormatters(tag?: string): void {
  formatClock(new Date(0), tag);
  formatShort(new Date(0), new Date(3 * 86_400_000), tag);
}
