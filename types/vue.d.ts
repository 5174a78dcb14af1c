/**
 * `<tiny-chat>` in Vue 3 templates (vue-tsc, Volar): `import type {} from 'tinychat-widget/vue'` once. Vue must be told
 * it is a custom element (`compilerOptions.isCustomElement: (tag) => tag === 'tiny-chat'`); then
 * `@tinychat-message="…"` listens to `tinychat-message`.
 */
import type { DefineComponent } from 'vue';
import type { TinyChatAttributes, TinyChatEventDetails } from './tinychat.js';

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** The attributes in the camelCase Vue normalizes them to (`api-key` and `apiKey` both type-check). */
export type TinyChatVueProps = {
  [A in keyof TinyChatAttributes as Camel<A & string>]?: TinyChatAttributes[A];
} & {
  /** `@tinychat-message` and the other events, each with its detail. */
  [N in keyof TinyChatEventDetails as `onTinychat${Capitalize<N>}`]?: (event: CustomEvent<TinyChatEventDetails[N]>) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'tiny-chat': DefineComponent<TinyChatVueProps>;
  }
}
