/** What `LazyConversationList` loads: the list screen and its CSS. */
export { ConversationList } from './ConversationList.tsx';
export { listStyles } from './styles/listStyles.ts';
