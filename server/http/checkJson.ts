/** Deepest nesting a request's JSON may have; no field of the API needs more than a few levels. */
export const MAX_JSON_DEPTH = 32;

// In a `u` regex a valid surrogate pair is one code point, so only a lone surrogate matches \p{Cs}.
const LONE_SURROGATE = /\p{Cs}/u;

/** False for a string holding a lone UTF-16 surrogate, which no UTF-8 text (or Postgres) can hold. */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/**
 * Why a parsed JSON value cannot be taken (a sentence naming its top-level field), or undefined when it can:
 * every string and key must be well-formed Unicode, and nesting at most `maxDepth` deep. Walked with an explicit
 * stack, so a 30,000-deep document costs a loop, not the call stack.
 */
export function jsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const stack: { v: unknown; depth: number; field: string | undefined }[] = [{ v: value, depth: 0, field: undefined }];
  while (stack.length > 0) {
    const { v, depth, field } = stack.pop() as (typeof stack)[number];
    const name = field ?? 'the body';
    if (typeof v === 'string') {
      if (!isWellFormed(v)) return `${name} must be well-formed Unicode (it holds a lone surrogate)`;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return `${name} is nested too deeply (at most ${maxDepth} levels)`;
    if (Array.isArray(v)) {
      for (const item of v) stack.push({ v: item, depth: depth + 1, field });
      continue;
    }
    for (const [k, item] of Object.entries(v)) {
      if (!isWellFormed(k)) return `${field ?? 'a field name'} must be well-formed Unicode (a key holds a lone surrogate)`;
      stack.push({ v: item, depth: depth + 1, field: field ?? k });
    }
  }
  return undefined;
}
