// Words that say nothing about the topic; matching on them would make every question "match" some page.
const STOP_WORDS = new Set(
  `a an and are as at be been but by can could did do does for from get got had has have how i i'm if in into is it
  its me my no not of on or our please so than that the their them then there these they this to too up us was we
  were what when where which who why will with would you your yours hi hello hey thanks thank ok okay want need
  know tell about some any just still also there's it's don't can't mean meaning take like wondering`.split(/\s+/),
);

/**
 * Longest term looked up: no word of the pages is near it, and fuzzy matching costs grow with a term's length
 * squared (a 32,000-letter "word" once cost a gigabyte and a second and a half).
 */
export const MAX_TERM = 40;

/**
 * Normalises one word for indexing and querying: lower case, stop words dropped, a light English stemmer
 * so "delivered", "deliveries" and "delivery" meet.
 * @returns the term, or null to drop it
 */
export function searchTerm(word: string): string | null {
  let t = word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (t.length < 2 || t.length > MAX_TERM || STOP_WORDS.has(t)) return null;
  if (t.length > 4) {
    if (t.endsWith('ies')) t = `${t.slice(0, -3)}y`;
    else if (t.endsWith('ing')) t = t.slice(0, -3);
    else if (t.endsWith('ed')) t = t.slice(0, -2);
    else if (t.endsWith('s') && !t.endsWith('ss')) t = t.slice(0, -1);
  }
  if (t.length > 5 && t.endsWith('y')) t = t.slice(0, -1);
  return t;
}
