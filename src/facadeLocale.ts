/**
 * The loader's facade launcher: its name and direction for a `locale` attribute, else the browser's languages,
 * else English; the choice `resolveLocale` makes, so the facade and the widget's own launcher agree. The names
 * are copied from the tables because the loader must stay about a kilobyte (a test checks them).
 *
 * @example facadeLocale('ar-EG', ['en']) // { name: 'فتح الدردشة', dir: 'rtl' }
 */
export function facadeLocale(requested: string | null, preferred: readonly string[]): { name: string; dir: 'ltr' | 'rtl' } {
  const language = [requested, ...preferred].map((tag) => tag?.trim().toLowerCase().split(/[-_]/)[0]).find((l) => l === 'en' || l === 'es' || l === 'ar');
  return language === 'ar' ? { name: 'فتح الدردشة', dir: 'rtl' } : { name: language === 'es' ? 'Abrir chat' : 'Open chat', dir: 'ltr' };
}
