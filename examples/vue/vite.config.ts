import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// <tiny-chat> is a custom element, not a Vue component: Vue renders it as an element and binds @tinychat-* as listeners.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'tiny-chat' } } })],
});
