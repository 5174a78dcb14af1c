export { ChatApp, type ChatAppProps, type ChatMode } from './ChatApp.tsx';
export { viewStyles } from './viewStyles.ts';
export { VirtualList, type VirtualListProps } from './VirtualList.tsx';
