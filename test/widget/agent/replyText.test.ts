import { describe, expect, it } from 'vitest';
import { hideMarkers } from '../../../src/view/agent/hideMarkers.ts';
import { CONTINUED_MARKER, splitBotBody, splitStopped, STOPPED_MARKER } from '../../../src/state/agent/botMessage.ts';
import { citedLinks } from '../../../src/state/agent/citedLinks.ts';
import { formatBotBody } from '../../../src/state/agent/formatBotBody.ts';
import { joinBotParts } from '../../../src/state/agent/joinBotParts.ts';
import { plainText } from '../../../src/state/agent/plainText.ts';
import { MAX_MESSAGE, splitReply } from '../../../src/state/agent/splitReply.ts';
import type { ThreadItem } from '../../../src/state/types.ts';

const paragraph = (n: number, words = 120) => Array.from({ length: words }, (_, i) => `word${n}_${i}`).join(' ');
const item = (id: string, body: string, sender = 'bot:demo-bot', status: ThreadItem['status'] = 'sent'): ThreadItem => ({
  key: id,
  status,
  mine: false,
  error: null,
  message: { id, conversation_id: 'c', sender_id: sender, body, message_type: 'text', media_url: null, reply_to: null, created_at: id, edited_at: null, deleted_at: null },
});

describe('splitReply: a reply of any length as messages the server keeps', () => {
  it('leaves a reply within the limit whole', () => {
    expect(splitReply('Short.')).toEqual(['Short.']);
    const exact = 'x'.repeat(MAX_MESSAGE);
    expect(splitReply(exact)).toEqual([exact]);
  });

  it('cuts a long reply at block boundaries, each part within the limit, in order, sources in the last', () => {
    const answer = Array.from({ length: 40 }, (_, i) => paragraph(i)).join('\n\n');
    const body = formatBotBody(answer, [{ url: 'https://x.test/kb/returns', title: 'Returns' }]);
    expect(body.length).toBeGreaterThan(2.5 * MAX_MESSAGE);
    const parts = splitReply(body);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_MESSAGE);
    for (const part of parts.slice(0, -1)) expect(part.endsWith(CONTINUED_MARKER)).toBe(true);
    expect(parts.at(-1)!.endsWith(CONTINUED_MARKER)).toBe(false);
    // Every part starts at a paragraph: no word is cut.
    for (const part of parts) expect(part).toMatch(/^(word\d+_0 |Sources:)/);
    expect(splitBotBody(parts.at(-1)!).sources).toEqual([{ url: 'https://x.test/kb/returns', title: 'Returns' }]);
  });

  it('keeps a code fence with blank lines inside it in one part when it fits', () => {
    const fence = '```\n' + Array.from({ length: 80 }, (_, i) => `line ${i}\n\nmore ${i}`).join('\n') + '\n```';
    const body = `${'lorem '.repeat(1500).trim()}\n\n${fence}`;
    expect(body.length).toBeGreaterThan(MAX_MESSAGE);
    const parts = splitReply(body);
    expect(parts).toHaveLength(2);
    expect(parts[1]).toBe(fence);
  });

  it('cuts one huge block at a space, else anywhere but inside a surrogate pair', () => {
    const words = paragraph(7, 3000);
    const parts = splitReply(words);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.replace(CONTINUED_MARKER, '')).join('')).toBe(words);
    const emoji = '😀'.repeat(12_000);
    const cut = splitReply(emoji);
    for (const part of cut) {
      expect(part.length).toBeLessThanOrEqual(MAX_MESSAGE);
      expect(part.replace(CONTINUED_MARKER, '')).toMatch(/^(😀)+$/u);
    }
    expect(cut.map((p) => p.replace(CONTINUED_MARKER, '')).join('')).toBe(emoji);
  });
});

describe('joinBotParts: the parts shown as the one message they were', () => {
  it("joins consecutive parts of one sender into the first part's row, with the whole text", () => {
    const answer = Array.from({ length: 30 }, (_, i) => paragraph(i)).join('\n\n');
    const parts = splitReply(answer);
    const items = [item('0', 'question', 'u_1'), ...parts.map((p, i) => item(`p${i}`, p)), item('z', 'thanks', 'u_1')];
    const joined = joinBotParts(items);
    expect(joined.map((i) => i.key)).toEqual(['0', 'p0', 'z']);
    expect(joined[1]!.message.body).toBe(answer);
    expect(joined[1]!.status).toBe('sent');
  });

  it('returns the same array when nothing was split; a run still missing its last part is pending; a failed part stands alone', () => {
    const items = [item('a', 'hello'), item('b', 'world', 'u_1')];
    expect(joinBotParts(items)).toBe(items);
    const [first, second] = splitReply(paragraph(1, 2000));
    expect(joinBotParts([item('p0', first!)])[0]!.status).toBe('pending');
    const withFailed = joinBotParts([item('p0', first!), item('p1', second!, 'bot:demo-bot', 'failed')]);
    expect(withFailed.map((i) => i.key)).toEqual(['p0', 'p1']);
  });
});

describe('plain words for what is read or shown as text only', () => {
  it('drops marks, link syntax, headings, the sources section and format marks', () => {
    const body = formatBotBody(
      "## Delivery\nHere's what I found about **delivery times**: see [Returns and refunds](http://x/kb/returns) and `ACME-1`.\n\n- _fast_ option",
      [{ url: 'http://x/kb/returns', title: 'Returns and refunds' }],
      true,
    );
    const text = plainText(body);
    expect(text).toBe("Delivery\nHere's what I found about delivery times: see Returns and refunds and ACME-1.\nfast option");
    expect(text).not.toMatch(/\*|\[|\]\(|http|Sources|stopped/);
  });

  it('leaves text without markdown as it is, snake_case and 2*3 included', () => {
    expect(plainText('snake_case and 2*3 = 6, ok?')).toBe('snake_case and 2*3 = 6, ok?');
  });
});

describe('hideMarkers: the block being written never shows markdown marks', () => {
  it.each([
    ['See **deliv', 'See deliv'],
    ['See **delivery** and [Retu', 'See delivery and Retu'],
    ['[Returns](http://x/kb/ret', 'Returns'],
    ['## Heading', 'Heading'],
    ['- first\n- sec', '• first\n• sec'],
    ['a `co', 'a co'],
    ['snake_case _emph', 'snake_case emph'],
  ])('%j shows as %j', (tail, shown) => expect(hideMarkers(tail)).toBe(shown));

  it('mostly grows as the tail grows, so the text node is appended to', () => {
    const tail = 'See **delivery times** and [Returns and refunds](http://x/kb/returns) for more.';
    let grew = 0;
    for (let i = 1; i <= tail.length; i++) if (hideMarkers(tail.slice(0, i)).startsWith(hideMarkers(tail.slice(0, i - 1)))) grew++;
    expect(grew / tail.length).toBeGreaterThan(0.9);
  });
});

describe('a stopped reply', () => {
  it('says it was stopped, before the pages it linked, which become its sources', () => {
    const text = 'Returns are free within 30 days (from [Returns and refunds](http://x/kb/returns)). Shipping takes';
    const sources = citedLinks(text);
    expect(sources).toEqual([{ url: 'http://x/kb/returns', title: 'Returns and refunds' }]);
    const body = formatBotBody(text, sources, true);
    const { text: answer, sources: kept } = splitBotBody(body);
    expect(kept).toEqual(sources);
    expect(splitStopped(answer)).toEqual({ text, stopped: true });
    expect(body).toContain(STOPPED_MARKER);
  });
});
