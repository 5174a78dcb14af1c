import { createApp } from 'vue';
import { defineTinyChat } from 'tinychat-widget';
// Types <tiny-chat> in templates (GlobalComponents): its attributes and @tinychat-* events.
import type {} from 'tinychat-widget/vue';
import App from './App.vue';

defineTinyChat();
createApp(App).mount('#app');
