import { describe, expect, test } from 'vitest';
import { botSenderId, splitBotBody } from '../../../src/state/agent/botMessage.ts';
import { formatBotBody } from '../../../src/state/agent/formatBotBody.ts';
import { conversationTurns, personWrote } from '../../../src/state/agent/conversationTurns.ts';
import type { ThreadItem } from '../../../src/state/types.ts';

describe('a bot message body', () => {
  test('keeps its sources in a trailing Sources: section that splits off again', () => {
    const body = formatBotBody('Returns are **free**.\n\n', [
      { url: 'https://acme.test/kb/returns', title: 'Returns [and] refunds' },
      { url: 'https://acme.test/kb/a b(c)', title: '' },
      { url: 'https://acme.test/kb/returns', title: 'Returns again' },
    ]);
    expect(body).toBe(
      'Returns are **free**.\n\nSources:\n- [Returns \\[and\\] refunds](https://acme.test/kb/returns)\n- [https://acme.test/kb/a%20b%28c%29](https://acme.test/kb/a%20b%28c%29)',
    );
    expect(splitBotBody(body)).toEqual({
      text: 'Returns are **free**.',
      sources: [
        { title: 'Returns [and] refunds', url: 'https://acme.test/kb/returns' },
        { title: 'https://acme.test/kb/a%20b%28c%29', url: 'https://acme.test/kb/a%20b%28c%29' },
      ],
    });
  });

  test('without sources is just the answer; an answer that merely mentions "Sources:" keeps its text', () => {
    expect(formatBotBody('Hi.', [])).toBe('Hi.');
    expect(splitBotBody('Hi.')).toEqual({ text: 'Hi.', sources: [] });
    const prose = 'See below.\n\nSources:\nour help pages, mostly.';
    expect(splitBotBody(prose)).toEqual({ text: prose, sources: [] });
  });

  test('the bot sends as bot:<id>', () => {
    expect(botSenderId('demo-bot')).toBe('bot:demo-bot');
  });
});

const item = (sender: string, body: string, extra: Partial<ThreadItem['message']> = {}, status: ThreadItem['status'] = 'sent'): ThreadItem => ({
  key: `${sender}-${body}`,
  status,
  mine: sender === 'u1',
  error: null,
  message: {
    id: `${sender}-${body}`,
    conversation_id: 'c',
    sender_id: sender,
    body,
    message_type: 'text',
    media_url: null,
    reply_to: null,
    created_at: '',
    edited_at: null,
    deleted_at: null,
    ...extra,
  },
});

describe('the turns sent to the agent', () => {
  test('the visitor as user, the bot as assistant without its sources; people, images, deleted and failed left out', () => {
    const items = [
      item('u1', 'Hello'),
      item('bot:b', formatBotBody('Hi, how can I help?', [{ url: 'https://x.test/kb', title: 'KB' }])),
      item('u1', 'gone', { deleted_at: '2026-01-01' }),
      item('u1', 'photo', { message_type: 'image' }),
      item('u1', 'lost', {}, 'failed'),
      item('u1', 'Where is my parcel?'),
    ];
    expect(conversationTurns(items, 'u1', 'bot:b')).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi, how can I help?' },
      { role: 'user', content: 'Where is my parcel?' },
    ]);
    expect(personWrote(items, 'u1', 'bot:b')).toBe(false);
    expect(personWrote([...items, item('support', 'Sam here')], 'u1', 'bot:b')).toBe(true);
  });

  test('only the newest 12', () => {
    const many = Array.from({ length: 30 }, (_, i) => item('u1', `q${i}`));
    const turns = conversationTurns(many, 'u1', 'bot:b');
    expect(turns).toHaveLength(12);
    expect(turns[0]?.content).toBe('q18');
    expect(turns[11]?.content).toBe('q29');
  });
});
