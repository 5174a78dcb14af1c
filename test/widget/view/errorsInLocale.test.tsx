import { act, cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { AgentReply } from '../../../src/view/agent/AgentReply.tsx';
import { createReplyModel } from '../../../src/state/agent/createReplyModel.ts';
import { AgentError } from '../../../src/transport/errors/AgentError.ts';
import { AgentHttpError } from '../../../src/transport/errors/AgentHttpError.ts';
import { AgentRateLimitError } from '../../../src/transport/errors/AgentRateLimitError.ts';
import { defineTinyChat } from '../../../src/element/TinyChatElement.ts';
import { NetworkError } from '../../../src/transport/errors/NetworkError.ts';
import { RateLimitError } from '../../../src/transport/errors/RateLimitError.ts';
import { toSentence } from '../../../src/transport/toSentence.ts';
import { ar } from '../../../src/i18n/ar.ts';
import { en, type Strings } from '../../../src/i18n/en.ts';
import { es } from '../../../src/i18n/es.ts';
import { formatWait } from '../../../src/i18n/formatWait.ts';
import { I18nProvider } from '../../../src/view/I18n.tsx';
import { loadLocale } from '../../../src/i18n/locales.ts';
import { ChatApp } from '../../../src/view/ChatApp.tsx';
import { createFixtureStore, message, sentItem, SUPPORT, VISITOR } from './helpers/fixtureStore.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  document.body.replaceChildren();
});

const now = (f: () => void) => (f(), () => undefined);

/** Each language with its table, the name of its message log (the table has loaded once the log has it) and its tag. */
const languages: [string, Strings][] = [
  ['es', es],
  ['ar', ar],
];

describe.each(languages)('errors in %s: the table sentence, not English', (tag, table) => {
  test('an offline send failure: the failed row says so in the language, with its Retry button', async () => {
    const store = createFixtureStore({ open: true, thread: {} });
    render(<ChatApp store={store} locale={tag} />);
    const log = await screen.findByRole('log', { name: table.messages });
    const thread = store.threads.get('c_1')!;
    act(() => thread.send('¿Dónde está?'));
    const key = thread.items.value[0]!.key;
    // What the outbox keeps for a send that failed while the device was offline.
    act(() => thread.fail(key, toSentence(new NetworkError(new TypeError('Failed to fetch')), false)));
    const row = log.querySelector<HTMLElement>('[data-status="failed"]')!;
    expect(row.textContent).toContain(table.errorOffline);
    expect(row.textContent).not.toContain(en.errorOffline);
    expect(within(row).getByRole('button', { name: table.retry })).toBeTruthy();
  });

  test('a 429 with Retry-After 125: the alert gives the wait in words of the language', async () => {
    const store = createFixtureStore({ open: true, thread: {} });
    render(<ChatApp store={store} locale={tag} />);
    await screen.findByRole('log', { name: table.messages });
    act(() => store.setError(toSentence(new RateLimitError({ status: 429, message: 'slow down', body: {} }, 125))));
    const alert = screen.getByRole('alert');
    const wait = formatWait(125, tag);
    expect(wait).not.toMatch(/minute|second/);
    expect(alert.textContent).toContain(table.errorTooQuicklyWait.replace('{wait}', wait));
    expect(within(alert).getByRole('button', { name: table.dismiss })).toBeTruthy();
  });

  test('an agent reply cut off, refused by status, and rate limited: said by kind and status', async () => {
    const locale = await loadLocale(tag);
    const model = createReplyModel({ schedule: now });
    const { rerender } = render(
      <I18nProvider locale={locale}>
        <AgentReply reply={model} onTalkToPerson={() => {}} />
      </I18nProvider>,
    );
    act(() => {
      model.append('Media respu');
      model.fail(new AgentError('cut-off', 'The reply was cut off. Please try again.'));
    });
    expect(screen.getByRole('alert').textContent).toBe(table.agentCutOff);
    expect(screen.getByRole('button', { name: table.talkToPerson })).toBeTruthy();

    const refused = createReplyModel({ schedule: now });
    rerender(
      <I18nProvider locale={locale}>
        <AgentReply reply={refused} />
      </I18nProvider>,
    );
    // The body's English reason stays the error's message for programs; the person reads the table's.
    act(() => refused.fail(new AgentHttpError(401, 'This agent is private.', 'unauthorized', {}, 'This agent is private.')));
    expect(screen.getByRole('alert').textContent).toBe(table.agentPrivate);

    const limited = createReplyModel({ schedule: now });
    rerender(
      <I18nProvider locale={locale}>
        <AgentReply reply={limited} />
      </I18nProvider>,
    );
    act(() => limited.fail(new AgentRateLimitError('Too many requests', 45)));
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain(table.tooQuickly);
    expect(notice.textContent).toContain(table.sendAgainIn.replace('{wait}', formatWait(45, tag)));
    expect(notice.textContent).not.toContain('Too many requests');
  });
});

describe("the server's own words", () => {
  test("an agent 4xx no table sentence fits shows the body's reason as it is; a 5xx reads the table's", async () => {
    const locale = await loadLocale('es');
    const model = createReplyModel({ schedule: now });
    const { rerender } = render(
      <I18nProvider locale={locale}>
        <AgentReply reply={model} />
      </I18nProvider>,
    );
    act(() => model.fail(new AgentHttpError(422, 'Messages must not be empty.', 'invalid', {}, 'Messages must not be empty.')));
    expect(screen.getByRole('alert').textContent).toBe('Messages must not be empty.');
    const broken = createReplyModel({ schedule: now });
    rerender(
      <I18nProvider locale={locale}>
        <AgentReply reply={broken} />
      </I18nProvider>,
    );
    act(() => broken.fail(new AgentHttpError(502, 'Upstream exploded.', undefined, {}, 'Upstream exploded.')));
    expect(screen.getByRole('alert').textContent).toBe(es.agentProblem);
  });
});

describe('<tiny-chat locale="es"> with a secret key', () => {
  test('the alert and the tinychat:error event say why in Spanish; the event carries the key as its code', async () => {
    defineTinyChat();
    const element = document.createElement('tiny-chat');
    element.setAttribute('api-key', 'tiny_sk_demo');
    element.setAttribute('locale', 'es');
    element.setAttribute('mode', 'inline');
    element.setAttribute('base-url', 'http://127.0.0.1:9');
    const events: { message: string; code: string; fatal: boolean }[] = [];
    element.addEventListener('tinychat:error', (e) => events.push((e as CustomEvent).detail));
    document.body.append(element);
    const expected = es.errorSecretKey.replace('{prefix}', 'tiny_sk_');
    await expect.poll(() => events).toEqual([{ message: expected, code: 'errorSecretKey', fatal: true }]);
    const root = element.shadowRoot!;
    await expect.poll(() => root.querySelector('[role="alert"]')?.textContent ?? '').toContain(expected);
    expect(expected).not.toContain('tiny_sk_demo');
  });
});

describe('names the store gives in English', () => {
  test("one's own messages without a user name, a reply to the assistant and to support read in the language", async () => {
    const question = message({ sender_id: VISITOR, body: '¿Hacéis envíos a Canarias?' });
    const answer = message({ sender_id: 'bot:demo-bot', body: 'Sí, en 3 días.' });
    const reply = message({ sender_id: SUPPORT, body: 'Y sin coste.', reply_to: answer.id });
    const store = createFixtureStore({ open: true, names: { [SUPPORT]: 'Support' }, thread: { items: [sentItem(question), sentItem(answer), sentItem(reply)] } });
    render(<ChatApp store={store} locale="es" />);
    const log = await screen.findByRole('log', { name: es.messages });
    const row = (text: string) => [...log.querySelectorAll<HTMLElement>('[data-message-id]')].find((el) => el.textContent?.includes(text))!;
    // The assistant's markdown is rendered by a lazy chunk where no agent is configured: there once it has loaded.
    await waitFor(() => expect(log.querySelector('.tc-bot-text')?.textContent).toContain('Sí, en 3 días.'));
    expect(row('Canarias').querySelector('.tc-msg-sender')?.textContent).toBe(es.you);
    expect(row('Sí, en 3 días.').querySelector('.tc-msg-sender')?.textContent).toBe(es.agentName);
    expect(row('Y sin coste.').querySelector('.tc-msg-sender')?.textContent).toBe(es.kindSupport);
    // The quote names whom it answers as the rows do: not "bot:demo-bot".
    // (Quotes are a lazy chunk: found once its code has loaded.)
    expect(await within(row('Y sin coste.')).findByRole('button', { name: /^Mostrar el mensaje al que responde, de Asistente: Sí, en 3 días\.$/ })).toBeTruthy();
  });
});

describe('an image without a file name', () => {
  test('uploads as "Imagen" in Spanish, not the English "image"', async () => {
    const store = createFixtureStore({ open: true, thread: {} });
    render(<ChatApp store={store} locale="es" />);
    await screen.findByRole('log', { name: es.messages });
    const thread = store.threads.get('c_1')!;
    // A pasted screenshot can arrive as a Blob with a type and no name.
    act(() => void thread.sendImage!(new Blob([new Uint8Array(100)], { type: 'image/png' })));
    expect(await screen.findByRole('progressbar', { name: 'Subiendo Imagen' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Imagen' })).toBeTruthy();
  });
});
