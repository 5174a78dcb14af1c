/** What `LazyBotMessageBody` loads: the bot message body and the CSS of markdown and sources. */
export { agentStyles } from '../../agent/agentStyles.ts';
export { BotMessageBody } from './BotMessageBody.tsx';
