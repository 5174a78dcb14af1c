import { describe, expect, test } from 'vitest';
import { httpUrl } from '../../../src/view/httpUrl.ts';
import { linkify } from '../../../src/view/linkify.ts';

describe('linkify', () => {
  test('plain text is one part', () => {
    expect(linkify('no links here')).toEqual([{ text: 'no links here' }]);
    expect(linkify('')).toEqual([]);
  });

  test('http(s) URLs become links; sentence punctuation after them does not', () => {
    expect(linkify('See https://example.com/a, then http://x.test/b?c=1.')).toEqual([
      { text: 'See ' },
      { text: 'https://example.com/a', href: 'https://example.com/a' },
      { text: ', then ' },
      { text: 'http://x.test/b?c=1', href: 'http://x.test/b?c=1' },
      { text: '.' },
    ]);
  });

  test('a closing bracket belongs to the URL only when it opened one inside', () => {
    expect(linkify('(https://en.wikipedia.org/wiki/Tea_(drink))')).toEqual([
      { text: '(' },
      { text: 'https://en.wikipedia.org/wiki/Tea_(drink)', href: 'https://en.wikipedia.org/wiki/Tea_(drink)' },
      { text: ')' },
    ]);
  });

  test('javascript:, data: and lookalike schemes stay text', () => {
    for (const text of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'xhttps://evil.test', 'https:/nope']) {
      expect(
        linkify(text).every((part) => !('href' in part)),
        text,
      ).toBe(true);
    }
  });

  test('markup around a URL stays text and does not end up in the href', () => {
    const parts = linkify('<a href="https://evil.test/x">y</a>');
    const links = parts.filter((p): p is { text: string; href: string } => 'href' in p);
    expect(links.map((l) => l.href)).toEqual(['https://evil.test/x']);
    expect(parts.map((p) => p.text).join('')).toBe('<a href="https://evil.test/x">y</a>');
  });
});

describe('httpUrl', () => {
  test('accepts only absolute http(s) URLs, normalised by the URL parser', () => {
    expect(httpUrl(' HTTPS://Example.com/a ')).toBe('https://example.com/a');
    expect(httpUrl('java\tscript:alert(1)')).toBeNull();
    expect(httpUrl('/relative.png')).toBeNull();
    expect(httpUrl('blob:https://example.com/uuid')).toBeNull();
  });
});
