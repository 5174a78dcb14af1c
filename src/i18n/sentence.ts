import { en, type StringKey, type Strings } from './en.ts';
import { formatWait } from './formatWait.ts';

/**
 * A sentence kept as data until someone reads it (issue 6 item 5): a key of the string tables and the values of
 * its placeholders. State and transport hand these out (an error, a refusal); the view says them in the reader's
 * language with `useT()`, the element in the widget's locale for `tinychat:error`. A `wait` value is seconds,
 * written as words in the reader's language ("2 minutes 5 seconds", "2 minutos y 5 segundos").
 *
 * @example
 * ```ts
 * const offline: Sentence = { key: 'errorOffline' };
 * const slow: Sentence = { key: 'errorTooQuicklyWait', values: { wait: 125 } };
 * ```
 */
export interface Sentence {
  readonly key: StringKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** Fills `{name}` placeholders; unknown ones stay as written so a missing value shows rather than vanishes. */
export function format(template: string, values?: Readonly<Record<string, string | number>>): string {
  if (values === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The words of `sentence` in a table.
 *
 * @param strings - the reader's table @defaultValue English
 * @param tag - the locale Intl writes a `wait` in @defaultValue 'en'
 */
export function say(sentence: Sentence, strings: Strings = en, tag = 'en'): string {
  const { key, values } = sentence;
  return format(strings[key], values?.wait === undefined ? values : { ...values, wait: formatWait(Number(values.wait), tag) });
}
