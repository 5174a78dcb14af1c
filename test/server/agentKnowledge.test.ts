import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../server/agent/composeAnswer.ts';
import { loadKnowledgeBase } from '../../server/agent/KnowledgeBase.ts';
import { pace } from '../../server/agent/pace.ts';
import { parsePage } from '../../server/agent/parsePage.ts';
import { tokenize } from '../../server/agent/tokenize.ts';

const kb = await loadKnowledgeBase();
const top = (q: string) => kb.search(q).map((p) => p.slug);

describe('knowledge-base retrieval', () => {
  it.each([
    ['How long does delivery take?', 'delivery-times'],
    ['Do you deliver on Saturdays?', 'delivery-times'],
    ['My parcel arrived damaged', 'returns'],
    ['I want my money back', 'returns'],
    ['I forgot my password', 'account-help'],
    ['How do I change my delivery address?', 'account-help'],
    ['Where is my package? It says out for delivery', 'tracking'],
    ['Can I speak to a human?', 'contact-a-person'],
    ['what is your phone number', 'contact-a-person'],
  ])('%s → %s', (question, slug) => {
    expect(top(question)[0]).toBe(slug);
  });

  it.each(['Hi', 'What is the capital of Peru?', 'Tell me a joke', 'what is the meaning of life'])('finds nothing for "%s"', (q) => {
    expect(kb.search(q)).toEqual([]);
  });

  it('composes a markdown answer that links and cites the pages it quotes', () => {
    const passages = kb.search('how do I reset my password');
    const answer = composeAnswer('how do I reset my password', passages, (slug) => `https://help.example/kb/${slug}`);
    expect(answer.text).toContain('**Resetting your password**');
    expect(answer.text).toContain('[Account help](https://help.example/kb/account-help)');
    expect(answer.cited).toEqual([{ id: 'account-help', url: 'https://help.example/kb/account-help', title: 'Account help', type: 'url' }]);
  });
});

describe('parsePage', () => {
  it('reads the front matter and the ## sections', () => {
    const page = parsePage('x', '---\ntitle: X page\nkeywords: a, b\n---\nIntro\n## One\nfirst\n\n## Two\nsecond\n');
    expect(page).toMatchObject({ slug: 'x', title: 'X page', keywords: 'a, b' });
    expect(page.sections).toEqual([
      { heading: 'X page', text: 'Intro' },
      { heading: 'One', text: 'first' },
      { heading: 'Two', text: 'second' },
    ]);
  });

  it('refuses a page without a title', () => {
    expect(() => parsePage('x', '## One\ntext')).toThrow(/no title/);
  });
});

describe('tokenize and pace', () => {
  it('splits into words whose concatenation is the text', () => {
    const text = "Here's **bold**,\n\n- a list\n  item  ";
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(4);
    expect(tokens.join('')).toBe(text);
  });

  it('stops yielding, even mid-pause, once the signal aborts', async () => {
    const stop = new AbortController();
    const got: string[] = [];
    const produced = pace(['a', 'b', 'c', 'd', 'e'], 20, stop.signal);
    for await (const t of produced) {
      got.push(t);
      if (got.length === 2) setTimeout(() => stop.abort(), 5); // abort while it sleeps before 'c'
    }
    expect(got).toEqual(['a', 'b']);
  });

  it('yields everything back to back with no delay', async () => {
    const got: string[] = [];
    for await (const t of pace(['a', 'b'], 0, new AbortController().signal)) got.push(t);
    expect(got).toEqual(['a', 'b']);
  });
});
