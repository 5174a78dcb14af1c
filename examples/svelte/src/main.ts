import { mount } from 'svelte';
import { defineTinyChat } from 'tinychat-widget';
// Types <tiny-chat> in markup (svelte/elements): its attributes and ontinychat-* events.
import type {} from 'tinychat-widget/svelte';
import App from './App.svelte';

defineTinyChat();
mount(App, { target: document.getElementById('app')! });
