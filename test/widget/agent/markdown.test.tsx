import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Markdown } from '../../../src/view/agent/Markdown.tsx';
import { safeUrl } from '../../../src/markdown/safeUrl.ts';

afterEach(cleanup);

/** Renders markdown and returns its container, the element tests inspect. */
function md(text: string): HTMLElement {
  return render(<Markdown text={text} />).container.firstElementChild as HTMLElement;
}

/** The rendered tree as tags only, e.g. `p(strong,em)`: shape without the text. */
function shape(el: Element): string {
  const kids = [...el.children].map(shape);
  return kids.length ? `${el.tagName.toLowerCase()}(${kids.join(',')})` : el.tagName.toLowerCase();
}

describe('markdown constructs', () => {
  test('paragraphs split at blank lines; single newlines are line breaks', () => {
    const el = md('First line\nsecond line\n\nNext paragraph');
    expect(shape(el)).toBe('div(p(br),p)');
    expect(el.querySelectorAll('p')[0]?.textContent).toBe('First linesecond line');
    expect(el.querySelectorAll('p')[1]?.textContent).toBe('Next paragraph');
  });

  test('bold, italic, strikethrough, nested and intraword', () => {
    const el = md('**bold** *it* __b2__ _i2_ ~~gone~~ ***both*** snake_case_name 2 * 3 * 4 **a *b* c**');
    expect([...el.querySelectorAll('strong')].map((e) => e.textContent)).toEqual(['bold', 'b2', 'both', 'a b c']);
    expect([...el.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['it', 'i2', 'both', 'b']);
    expect(el.querySelector('del')?.textContent).toBe('gone');
    expect(el.textContent).toContain('snake_case_name 2 * 3 * 4');
  });

  test('inline code keeps its content literal', () => {
    const el = md('Run `npm **install** <b>` now, or ``a ` b``');
    expect([...el.querySelectorAll('code')].map((e) => e.textContent)).toEqual(['npm **install** <b>', 'a ` b']);
    expect(el.querySelector('strong, b')).toBeNull();
  });

  test('fenced code blocks keep blank lines, markup and a sanitised language class', () => {
    const el = md('```ts"><script>\nconst a = 1;\n\n<b>**x**</b>\n```\nafter');
    const code = el.querySelector('pre > code');
    expect(code?.textContent).toBe('const a = 1;\n\n<b>**x**</b>');
    expect(code?.getAttribute('class')).toBe('language-ts');
    expect(el.querySelector('b, strong, script')).toBeNull();
    expect(el.querySelector('p')?.textContent).toBe('after');
  });

  test('tilde fences and an unclosed fence run to the end', () => {
    expect(md('~~~\nx\n~~~').querySelector('pre')?.textContent).toBe('x');
    expect(md('```py\nprint(1)\n\nprint(2)').querySelector('pre')?.textContent).toBe('print(1)\n\nprint(2)');
  });

  test('unordered and ordered lists, start number, nesting, tight items', () => {
    const el = md('- one\n- **two**\n  - two.a\n  - two.b\n* three\n\n3. c\n4. d\n   1. d.i');
    expect(shape(el)).toBe('div(ul(li,li(strong,ul(li,li)),li),ol(li,li(ol(li))))');
    expect(el.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect([...el.querySelectorAll(':scope > ul > li')].map((li) => li.firstChild?.textContent)).toEqual(['one', 'two', 'three']);
  });

  test('a sub-list indented by two under "1." still nests', () => {
    expect(shape(md('1. Step\n  - detail\n2. Next'))).toBe('div(ol(li(ul(li)),li))');
  });

  test('headings start at h3 inside a message; hashes without a space are text', () => {
    const el = md('# Title\n## Sub ##\n###### Six\n#hashtag');
    expect([...el.querySelectorAll('h3,h4,h5,h6')].map((h) => `${h.tagName}:${h.textContent}`)).toEqual(['H3:Title', 'H4:Sub', 'H6:Six']);
    expect(el.querySelector('p')?.textContent).toBe('#hashtag');
  });

  test('block quotes and thematic breaks', () => {
    expect(shape(md('> quoted **x**\n> more\n\n---\n\n***'))).toBe('div(blockquote(p(strong,br)),hr,hr)');
  });

  test('links: http, https and mailto become safe anchors', () => {
    const el = md('See [docs](https://acme.example/a?b=1&c=2 "Title"), <https://x.example/y>, <help@acme.example>, [mail](mailto:a@b.example) and https://bare.example/path.');
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://acme.example/a?b=1&c=2',
      'https://x.example/y',
      'mailto:help@acme.example',
      'mailto:a@b.example',
      'https://bare.example/path',
    ]);
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
      expect(a.getAttribute('target')).toBe('_blank');
      expect([...a.attributes].map((x) => x.name).sort()).toEqual(['href', 'rel', 'target']);
    }
    expect(links[0]?.textContent).toBe('docs');
    expect(el.textContent?.endsWith('https://bare.example/path.')).toBe(true);
  });

  test('bare URLs keep balanced parentheses and drop a closing one that is not theirs', () => {
    const links = [...md('(see https://en.example/wiki/A_(b)) and (https://c.example/d)').querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://en.example/wiki/A_(b)', 'https://c.example/d']);
  });

  test('images are not loaded: a safe image becomes a link to it, labelled by its alt text', () => {
    const el = md('![a chart](https://img.example/c.png) ![x](javascript:alert(1))');
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('a')?.getAttribute('href')).toBe('https://img.example/c.png');
    expect(el.querySelector('a')?.textContent).toBe('a chart');
    expect(el.textContent).toContain('![x](javascript:alert(1))');
  });

  test('backslash escapes and entities are text', () => {
    const el = md('\\*not em\\* \\[not link\\](x) &amp; &copy; &#128512; &#x4E16; &bogus;');
    expect(el.querySelector('em, a')).toBeNull();
    expect(el.textContent).toBe('*not em* [not link](x) & © 😀 世 &bogus;');
  });
});

describe('untrusted text never becomes markup', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)>',
    '<style>*{display:none}</style>',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#60;img src=x onerror=alert(1)&#62;',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x]( javascript:alert(1))',
    '[x](java\tscript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '[x](//evil.example/path)',
    '[x](/relative)',
    '<javascript:alert(1)>',
    '<data:text/html,<script>alert(1)</script>>',
    '**<b onmouseover=alert(1)>bold</b>**',
    '```"><img src=x onerror=alert(1)>\ncode\n```',
    '[<img src=x onerror=alert(1)>](https://ok.example)',
    '![<svg onload=alert(1)>](https://ok.example/i.png)',
  ];

  test.each(attacks)('%s', (attack) => {
    const el = md(`Before ${attack} after`);
    const allowed = new Set(['DIV', 'P', 'STRONG', 'EM', 'DEL', 'CODE', 'PRE', 'A', 'BR']);
    for (const node of el.querySelectorAll('*')) {
      expect(allowed.has(node.tagName)).toBe(true);
      for (const attr of node.attributes) {
        expect(['href', 'rel', 'target', 'class', 'start']).toContain(attr.name);
        if (attr.name === 'href') expect(attr.value).toMatch(/^(https?:|mailto:)/);
        if (attr.name === 'class') expect(attr.value).toMatch(/^(tc-md|language-[\w+#.-]+)$/);
      }
    }
    expect(el.textContent).toMatch(/^Before /);
  });

  test('a rejected link is shown in full as text', () => {
    expect(md('[click](JaVaScRiPt:alert(1))').textContent).toBe('[click](JaVaScRiPt:alert(1))');
    expect(md('<b>hi</b>').textContent).toBe('<b>hi</b>');
  });

  test('safeUrl accepts only absolute http, https and mailto URLs', () => {
    expect(safeUrl('https://a.example/x y')).toBe('https://a.example/x%20y');
    expect(safeUrl('HTTP://A.example')).toBe('http://a.example/');
    expect(safeUrl('mailto:a@b.example')).toBe('mailto:a@b.example');
    for (const bad of ['javascript:alert(1)', ' \x01javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'ftp://a.example', '/x', '', 'www.example.com']) {
      expect(safeUrl(bad)).toBeNull();
    }
  });
});

describe('hostile structure renders as text instead of failing', () => {
  test('emphasis nested thousands deep does not overflow the stack; nesting stops at a depth and the text stays', () => {
    const el = md(`${'*a '.repeat(3000)}x${'*'.repeat(3000)}`);
    expect(el.querySelectorAll('em').length).toBeLessThanOrEqual(10);
    expect(el.textContent?.replace(/[*\s]/g, '')).toBe(`${'a'.repeat(3000)}x`);
  });

  test('block quotes and lists nested hundreds deep stop nesting at a depth', () => {
    const quotes = md(`${'> '.repeat(500)}deep`);
    expect(quotes.querySelectorAll('blockquote').length).toBeLessThanOrEqual(10);
    expect(quotes.textContent).toContain('deep');
    const list = md(Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- item${i}`).join('\n'));
    expect(list.querySelectorAll('ul').length).toBeLessThanOrEqual(10);
    expect(list.textContent).toContain('item299');
  });

  test('a block of more than 20,000 characters is shown as plain text, lines kept', () => {
    const big = `**not bold** ${'word '.repeat(5000)}\nsecond line`;
    const el = md(big);
    expect(el.querySelector('strong')).toBeNull();
    expect(el.querySelectorAll('br')).toHaveLength(1);
    expect(el.textContent).toBe(big.replace('\n', ''));
  });

  test('unclosed delimiters everywhere stay literal', () => {
    const text = `${'a **b '.repeat(500)}${'[x '.repeat(500)}${'<b '.repeat(500)}\`y`;
    expect(md(text).textContent).toBe(text.trim());
    expect(md(text).querySelector('strong, a, code')).toBeNull();
  });
});
