// One formatter of each kind per page: building an Intl formatter costs far more than using one, and a thread
// formats a time per visible row on every render.
let timeFormat: Intl.DateTimeFormat | undefined;
let dateFormat: Intl.DateTimeFormat | undefined;

/**
 * Parses a server time. The local server writes microseconds (`…:05.123456Z`); not every engine accepts more
 * than three fraction digits, so the extra ones are dropped first.
 */
export function parseTime(iso: string): Date | null {
  const date = new Date(iso.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "14:05" or "2:05 PM", in the visitor's locale (the browser's default). */
export function formatClock(date: Date): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
  return timeFormat.format(date);
}

/** For lists: the clock time today, the date otherwise. */
export function formatShort(date: Date, now: Date = new Date()): string {
  if (date.toDateString() === now.toDateString()) return formatClock(date);
  dateFormat ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
  return dateFormat.format(date);
}

/**
 * Builds the formatters ahead of need. The first Intl formatter of a page loads locale data (tens of ms in
 * Chromium); ChatApp calls this when the browser is idle so that cost is not paid in the task that opens a thread.
 */
export function warmFormatters(): void {
  formatClock(new Date(0));
  formatShort(new Date(0), new Date(3 * 86_400_000));
}
