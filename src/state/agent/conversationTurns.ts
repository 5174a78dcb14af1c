import type { ChatMessage } from '../../transport/agent/types.ts';
import type { ThreadItem } from '../types.ts';
import { splitBotBody } from './botMessage.ts';

/** How many of the latest turns go to the agent: enough context, a bounded request. */
export const MAX_TURNS = 12;

/**
 * The conversation as the agent sees it: the visitor's text messages as `user`, the bot's as `assistant`
 * (without their sources section), everything else (people, images, deleted, failed sends) left out; the newest
 * {@link MAX_TURNS}, oldest first.
 */
export function conversationTurns(items: readonly ThreadItem[], userId: string, botSender: string): ChatMessage[] {
  const turns: ChatMessage[] = [];
  for (let i = items.length - 1; i >= 0 && turns.length < MAX_TURNS; i--) {
    const { message, status } = items[i]!;
    if (status === 'failed' || message.deleted_at !== null || message.message_type !== 'text' || !message.body) continue;
    if (message.sender_id === userId) turns.push({ role: 'user', content: message.body });
    else if (message.sender_id === botSender) turns.push({ role: 'assistant', content: splitBotBody(message.body).text });
  }
  return turns.reverse();
}

/** Whether someone other than the visitor and the bot wrote in the conversation: a person has taken over. */
export function personWrote(items: readonly ThreadItem[], userId: string, botSender: string): boolean {
  return items.some((i) => i.message.sender_id !== userId && i.message.sender_id !== botSender);
}
