import { composerStyles } from './styles/composerStyles.ts';
import { detailStyles } from './styles/detailStyles.ts';
import { hostStyles } from './styles/hostStyles.ts';
import { launcherStyles } from './styles/launcherStyles.ts';
import { panelStyles } from './styles/panelStyles.ts';
import { threadStyles } from './styles/threadStyles.ts';

/**
 * All the CSS the views need, as one string for the element to adopt in its shadow root
 * (`sheet.replaceSync(viewStyles)`; lazy features, the conversation list among them, add theirs when their chunks load: styles/featureStyles.ts). Nothing here reaches the page:
 * every rule is scoped by the shadow root, and `:host` resets what the page would otherwise pass in.
 * Theming: the `--tinychat-*` custom properties documented in `styles/hostStyles.ts`, and the parts
 * `launcher`, `badge`, `panel`, `header`, `conversation-list`, `message-list`, `message` (own ones also `message-mine`), `composer`, `input`,
 * `send-button` (`tiny-chat::part(launcher){…}`); README "Theming" has the table.
 */
export const viewStyles: string = [hostStyles, launcherStyles, panelStyles, threadStyles, composerStyles, detailStyles].join('');
