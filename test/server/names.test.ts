import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wantsPerson } from '../../server/agent/wantsPerson.ts';
import { recordingBroadcaster } from './helpers/recordingBroadcaster.ts';
import { startTestServer } from './helpers/testServer.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

async function conversationWith(server: Server, ...participants: string[]): Promise<string> {
  const { body } = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants } });
  return body.conversation.id;
}

async function readEvents(res: Response): Promise<EventSourceMessage[]> {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  parser.feed(await res.text());
  return events;
}

const askAgent = (server: Server, content: string) =>
  fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ botId: 'demo-bot', messages: [{ role: 'user', content }] }),
  }).then(readEvents);

describe('default mode: names from the users table', () => {
  const recorded = recordingBroadcaster();
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ realtime: recorded, agent: { tokenDelayMs: 0, llm: undefined } });
    await server.api('/v1/users', { method: 'POST', json: { user_id: 'u_ada', name: 'Ada Lovelace' } });
    await server.api('/v1/users', { method: 'POST', json: { user_id: 'u_sam', name: 'Sam', role: 'support' } });
  });
  afterAll(() => server.close());

  it('gives every message row sender_name and sender_role: send, history, the broadcast, edit and delete', async () => {
    const id = await conversationWith(server, 'u_ada', 'u_sam');
    const sent = await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'u_ada', body: 'Hello' } });
    expect(sent.status).toBe(201);
    expect(sent.body.message).toMatchObject({ sender_id: 'u_ada', sender_name: 'Ada Lovelace', sender_role: 'customer' });
    const live = recorded.sent.find((b) => b.event === 'message' && b.payload.message.id === sent.body.message.id);
    expect(live?.payload.message).toMatchObject({ sender_name: 'Ada Lovelace' });

    await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'u_sam', body: 'Hi Ada' } });
    await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'bot:demo-bot', body: 'A bot' } });
    const history = await server.api(`/v1/conversations/${id}/messages`);
    expect(history.body.messages.map((m: { sender_name: string | null; sender_role: string | null }) => [m.sender_name, m.sender_role])).toEqual([
      ['Ada Lovelace', 'customer'],
      ['Sam', 'support'],
      [null, null],
    ]);

    const edited = await server.api(`/v1/conversations/${id}/messages/${sent.body.message.id}`, { method: 'PATCH', json: { sender_id: 'u_ada', body: 'Hello!' } });
    expect(edited.body.message).toMatchObject({ body: 'Hello!', sender_name: 'Ada Lovelace' });
    const removed = await server.api(`/v1/conversations/${id}/messages/${sent.body.message.id}`, { method: 'DELETE', json: { sender_id: 'u_ada' } });
    expect(removed.body.message).toMatchObject({ sender_name: 'Ada Lovelace' });
  });

  it('a renamed person is renamed on their old messages too (names are looked up, not copied)', async () => {
    const id = await conversationWith(server, 'u_renamed');
    await server.api('/v1/users', { method: 'POST', json: { user_id: 'u_renamed', name: 'Old name' } });
    await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'u_renamed', body: 'x' } });
    await server.api('/v1/users', { method: 'POST', json: { user_id: 'u_renamed', name: 'New name' } });
    const history = await server.api(`/v1/conversations/${id}/messages`);
    expect(history.body.messages[0].sender_name).toBe('New name');
  });

  it('gives conversation rows participant_names for those who gave a name, in the list and on create', async () => {
    const created = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_ada', 'u_sam', 'anon_nobody'] } });
    expect(created.body.conversation.participant_names).toEqual({ u_ada: 'Ada Lovelace', u_sam: 'Sam' });
    const list = await server.api('/v1/conversations?user_id=u_sam');
    const row = list.body.conversations.find((c: { id: string }) => c.id === created.body.conversation.id);
    expect(row.participant_names).toEqual({ u_ada: 'Ada Lovelace', u_sam: 'Sam' });
  });

  it('a typing event without sender_name carries the stored name; a given one wins', async () => {
    const id = await conversationWith(server, 'u_ada');
    await server.api(`/v1/conversations/${id}/typing`, { method: 'POST', json: { sender_id: 'u_ada' } });
    await server.api(`/v1/conversations/${id}/typing`, { method: 'POST', json: { sender_id: 'u_ada', sender_name: 'Ada L.' } });
    await server.api(`/v1/conversations/${id}/typing`, { method: 'POST', json: { sender_id: 'anon_x' } });
    const typing = recorded.sent.filter((b) => b.event === 'typing' && b.topic === `conv:${id}`).map((b) => b.payload.senderName);
    expect(typing).toEqual(['Ada Lovelace', 'Ada L.', null]);
  });

  it('the demo agent hands over when asked for a person in words, and says so in message_payload', async () => {
    const events = await askAgent(server, 'I want to talk to a human');
    const payload = JSON.parse(events.at(-1)?.data ?? '{}');
    expect(events.at(-1)?.event).toBe('message_payload');
    expect(payload).toEqual({ citedResources: [], handover: true });
    const text = events
      .filter((e) => e.data !== '[DONE]' && e.event === undefined)
      .map((e) => JSON.parse(e.data).choices[0].delta.content ?? '')
      .join('');
    expect(text).toContain('a person will answer');
    const plain = await askAgent(server, 'How do I return a parcel?');
    expect(JSON.parse(plain.at(-1)?.data ?? '{}').handover).toBeUndefined();
  });

  it("the fallback no longer says 'just ask'", async () => {
    const events = await askAgent(server, 'zebra quantum marmalade');
    const text = events
      .filter((e) => e.data !== '[DONE]' && e.event === undefined)
      .map((e) => JSON.parse(e.data).choices[0].delta.content ?? '')
      .join('');
    expect(text).toContain('Talk to a person');
    expect(text.toLowerCase()).not.toContain('just ask');
  });
});

describe('hosted mode: the seed shapes only', () => {
  const recorded = recordingBroadcaster();
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ compat: 'hosted', realtime: recorded, agent: { tokenDelayMs: 0, llm: undefined } });
    await server.api('/v1/users', { method: 'POST', json: { user_id: 'u_ada', name: 'Ada Lovelace' } });
  });
  afterAll(() => server.close());

  it('adds no names to messages, conversations or typing events, and no handover to the agent payload', async () => {
    const id = await conversationWith(server, 'u_ada');
    const created = await server.api('/v1/conversations', { method: 'POST', json: { kind: 'support', participants: ['u_ada'] } });
    expect(created.body.conversation).not.toHaveProperty('participant_names');
    const sent = await server.api(`/v1/conversations/${id}/messages`, { method: 'POST', json: { sender_id: 'u_ada', body: 'Hello' } });
    expect(sent.body.message).not.toHaveProperty('sender_name');
    const history = await server.api(`/v1/conversations/${id}/messages`);
    expect(history.body.messages[0]).not.toHaveProperty('sender_role');
    const list = await server.api('/v1/conversations?user_id=u_ada');
    expect(list.body.conversations[0]).not.toHaveProperty('participant_names');
    await server.api(`/v1/conversations/${id}/typing`, { method: 'POST', json: { sender_id: 'u_ada' } });
    expect(recorded.sent.find((b) => b.event === 'typing')?.payload.senderName).toBeNull();
    const events = await askAgent(server, 'I want to talk to a human');
    expect(JSON.parse(events.at(-1)?.data ?? '{}')).toEqual({ citedResources: [] });
  });
});

describe('wantsPerson', () => {
  it.each(['I want to talk to a human', 'Can I speak to someone?', 'human please', 'connect me with an agent', 'I need a real person', 'Agent!'])('hands over for %j', (text) =>
    expect(wantsPerson(text)).toBe(true),
  );
  it.each(['How do I return a parcel?', 'what are your opening hours', 'Is the human resources page up?', 'my parcel is late'])('answers %j', (text) =>
    expect(wantsPerson(text)).toBe(false),
  );
});
