/**
 * The page title with the unread count in front ("(2) Acme Logistics"), shared by every widget on the page: each
 * reports its own count and the title shows their sum, so two widgets never write "(1) (1) …". The title the page
 * had is put back when the sum is 0; a title the page sets meanwhile (a single-page app changing route) becomes
 * the new one to decorate and to restore.
 */
const counts = new Map<object, number>();
let base: string | null = null;
let shown: string | null = null;

/**
 * Sets `owner`'s count (0 = nothing to show) and rewrites `document.title`.
 *
 * @param format - builds the decorated title, e.g. `t('titleCount', { count, title })`
 */
export function setTitleCount(owner: object, count: number, format: (count: number, title: string) => string): void {
  if (typeof document === 'undefined') return;
  if (count > 0) counts.set(owner, count);
  else counts.delete(owner);
  // The page changed its own title since we last wrote it: that is the title now.
  if (base === null || document.title !== shown) base = document.title;
  let total = 0;
  for (const n of counts.values()) total += n;
  const next = total > 0 ? format(total, base) : base;
  if (document.title !== next) document.title = next;
  shown = total > 0 ? next : null;
  if (total === 0) base = null;
}
