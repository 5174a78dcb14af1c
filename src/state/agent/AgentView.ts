import type { ComponentType } from 'preact';
import type { ThreadModel } from '../types.ts';
import type { AgentController } from './createAgent.ts';

/**
 * What the thread's views render when a bot is configured. It arrives with the lazy agent chunk, so the views
 * that show it (MessageLog, MessageRow, PanelHeader) never import agent code themselves (a page
 * without `bot-id` does not load it).
 */
export interface AgentView {
  /** Sender id of the bot's messages (`bot:<botId>`). */
  readonly senderId: string;
  /** The log's last row: the reply streaming now, a 429 wait, "unavailable, talk to a person". */
  readonly Footer: ComponentType<{ thread: ThreadModel }>;
  /** "Talk to a person" for the thread header; renders nothing once a person has the conversation. */
  readonly HeaderAction: ComponentType<{ thread: ThreadModel }>;
  /** The body of a bot message: safe markdown with its sources listed under it. */
  readonly Body: ComponentType<{ text: string }>;
}

/** What the lazy agent chunk hands the store: the view parts and the controller behind them. */
export interface AgentFeature extends AgentView {
  readonly controller: AgentController;
}
