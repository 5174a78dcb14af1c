import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { ReplyModel } from './createReplyModel.ts';
import type { AgentError } from '../../transport/errors/AgentError.ts';
import type { AgentRateLimitError } from '../../transport/errors/AgentRateLimitError.ts';
import { streamReply } from './streamReply.ts';
import { streamWorker } from '../../transport/agent/worker/streamWorker.ts';
import type { Message } from '../../transport/types.ts';
import type { WidgetStorage } from '../createStorage.ts';
import type { ThreadItem } from '../types.ts';
import { botSenderId } from './botMessage.ts';
import { citedLinks } from './citedLinks.ts';
import { formatBotBody } from './formatBotBody.ts';
import { splitReply } from './splitReply.ts';
import { conversationTurns, personWrote } from './conversationTurns.ts';

/** What the agent needs from the store. */
export interface AgentHost {
  botId: string;
  /** Origin of the agent API (`agent-url`, else the widget's `base-url`). */
  agentUrl: string;
  userId: string;
  /** `config.agent.healthy` from /v1/config; false: the agent is not asked, a person is offered. */
  healthy: boolean;
  /** The open conversation's items (the turns sent to the agent are read from them). */
  items(conversationId: string): readonly ThreadItem[] | null;
  /** Queues a message in the outbox; its key is the Idempotency-Key, so it is posted once. */
  post(conversationId: string, senderId: string, body: string): void;
  storage: WidgetStorage;
  /** @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /** @defaultValue requestAnimationFrame */
  schedule?: (flush: () => void) => () => void;
  /** How often a streaming reply updates the screen at most (ms). @defaultValue 125 */
  throttleMs?: number;
}

/** The reply being written now, and the conversation it answers. */
export interface ActiveReply {
  readonly conversationId: string;
  readonly model: ReplyModel;
}

/** The agent in the widget: asks it after each confirmed visitor message and posts its finished replies. */
export interface AgentController {
  /** `bot:<botId>`: the sender id of the bot's messages. */
  readonly senderId: string;
  /** The visitor's user id. */
  readonly userId: string;
  readonly healthy: boolean;
  readonly reply: ReadonlySignal<ActiveReply | null>;
  /** The last failure (not a 429) and where; cleared by the next reply. */
  readonly failure: ReadonlySignal<{ conversationId: string; error: AgentError } | null>;
  /** A 429 being waited out, with the moment it ends (ms since the epoch). */
  readonly rateLimit: ReadonlySignal<{ error: AgentRateLimitError; until: number } | null>;
  /** Conversations the visitor handed over to a person (persisted). */
  readonly handedOver: ReadonlySignal<ReadonlySet<string>>;
  /** Whether the agent still answers in this conversation (not handed over, no person wrote in it). */
  answers(conversationId: string, items: readonly ThreadItem[]): boolean;
  /** False while a 429 wait runs: the composer keeps the draft. */
  canSend(conversationId: string): boolean;
  /** The outbox confirmed a message: the visitor's own ones are answered. */
  onSent(message: Message): void;
  /** A message from someone else arrived: a person other than the bot takes the conversation over. */
  onIncoming(message: Message): void;
  /** Stops the agent in this conversation for good (the visitor asked for a person). */
  talkToPerson(conversationId: string): void;
  /** The 429 wait is over. */
  endWait(): void;
  dispose(): void;
}

const storageKey = 'agent-handed-over';

/**
 * Creates the agent controller. The visitor's message goes through the outbox like any other; once the server
 * confirmed it, the agent is asked with the recent turns and its reply streams into {@link AgentController.reply};
 * the finished (or stopped) reply is posted as a message from `bot:<botId>` through the outbox, so it is in
 * history and the inbox sees it live.
 */
export function createAgent(host: AgentHost): AgentController {
  const senderId = botSenderId(host.botId);
  const reply = signal<ActiveReply | null>(null);
  const failure = signal<{ conversationId: string; error: AgentError } | null>(null);
  const rateLimit = signal<{ error: AgentRateLimitError; until: number } | null>(null);
  const handedOver = signal<ReadonlySet<string>>(new Set(host.storage.get<string[]>(storageKey) ?? []));
  let disposed = false;

  const handOver = (conversationId: string): void => {
    if (handedOver.peek().has(conversationId)) return;
    const next = new Set(handedOver.peek()).add(conversationId);
    handedOver.value = next;
    // The newest 200 are enough: an old conversation's agent stays off through its person's messages anyway.
    host.storage.set(storageKey, [...next].slice(-200));
  };

  const answers = (conversationId: string, items: readonly ThreadItem[]): boolean => !handedOver.value.has(conversationId) && !personWrote(items, host.userId, senderId);

  /** Ends the reply on screen and, when it has text, posts it; one batch, so the row replaces the stream in one frame. */
  const settle = (active: ActiveReply): void => {
    if (disposed || reply.peek() !== active) return;
    const { model, conversationId } = active;
    const status = model.status.peek();
    const error = model.error.peek();
    batch(() => {
      if (status === 'error' && error !== null) {
        if (error.kind === 'agent-rate-limit') {
          const limited = error as AgentRateLimitError;
          rateLimit.value = { error: limited, until: Date.now() + limited.retryAfterSeconds * 1000 };
          reply.value = null;
        } else failure.value = { conversationId, error };
        // A failed reply stays on screen with what arrived and the way to a person.
        return;
      }
      const text = model.text.peek();
      // A stopped reply says so and keeps the pages it had linked (its cited resources come only after the last
      // token). A long one goes out in parts, each within the server's limit, posted in order, once each.
      const stopped = status === 'stopped';
      const sources = model.sources.peek();
      const body = formatBotBody(text, stopped && sources.length === 0 ? citedLinks(text) : sources, stopped);
      if (text.trim() !== '') for (const part of splitReply(body)) host.post(conversationId, senderId, part);
      reply.value = null;
    });
  };

  const ask = (conversationId: string, question: Message): void => {
    const open = host.items(conversationId);
    const items = open ?? [];
    if (!host.healthy || handedOver.peek().has(conversationId)) return;
    if (personWrote(items, host.userId, senderId)) return handOver(conversationId);
    // A new question ends the one still streaming: what it said so far is kept (posted like a stopped reply).
    reply.peek()?.model.stop();
    const { model, done } = streamReply({
      agentUrl: host.agentUrl,
      botId: host.botId,
      // A conversation that is not on screen (sent through the element's send()): its question alone.
      messages: open === null ? [{ role: 'user', content: question.body ?? '' }] : conversationTurns(items, host.userId, senderId),
      fetch: host.fetch,
      schedule: host.schedule,
      // 8 updates a second while it streams; the last token of a burst still shows at once (createTokenBatcher).
      throttleMs: host.throttleMs ?? 125,
    });
    const active: ActiveReply = { conversationId, model };
    batch(() => {
      failure.value = null;
      reply.value = active;
    });
    // Stopping settles at once: the stopped text is posted without waiting for the request to wind down.
    const unsubscribe = model.status.subscribe((s) => {
      if (s === 'stopped') queueMicrotask(() => settle(active));
    });
    void done.then((result) => {
      unsubscribe();
      settle(active);
      // The visitor asked for a person in words and the agent said so: handed over as by the button.
      if (result?.handover === true) handOver(conversationId);
    });
  };

  // The stream worker starts while the page is idle, so the first question does not pay for its start-up.
  if (host.healthy && host.fetch === undefined) {
    const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => void }).requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 0));
    idle(() => disposed || streamWorker().prewarm());
  }

  return {
    senderId,
    userId: host.userId,
    healthy: host.healthy,
    reply,
    failure,
    rateLimit,
    handedOver,
    answers,
    canSend() {
      const wait = rateLimit.peek();
      return wait === null || Date.now() >= wait.until;
    },
    onSent(message) {
      if (disposed || message.sender_id !== host.userId || message.message_type !== 'text' || !message.body) return;
      ask(message.conversation_id, message);
    },
    onIncoming(message) {
      if (message.sender_id === senderId || message.sender_id === host.userId) return;
      // A person wrote: the agent stops answering here (and stops the reply it is writing now).
      const active = reply.peek();
      if (active?.conversationId === message.conversation_id) active.model.stop();
      handOver(message.conversation_id);
    },
    talkToPerson(conversationId) {
      const active = reply.peek();
      batch(() => {
        if (active?.conversationId === conversationId) {
          // A streaming reply stops (and what it wrote is posted); a failed one leaves the screen.
          if (active.model.status.peek() === 'streaming') active.model.stop();
          else reply.value = null;
        }
        handOver(conversationId);
        rateLimit.value = null;
        if (failure.peek()?.conversationId === conversationId) failure.value = null;
      });
    },
    endWait() {
      rateLimit.value = null;
    },
    dispose() {
      disposed = true;
      reply.peek()?.model.stop();
    },
  };
}
