/** What `LazyBotMessageBody` loads: the bot message body and the CSS of markdown and sources. */
export { agentStyles } from './agentStyles.ts';
export { BotMessageBody } from './BotMessageBody.tsx';
