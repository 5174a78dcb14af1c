/** Every attribute `<tiny-chat>` reads; the script tag's `data-*` of the same names map onto them (SPEC.md). */
export const widgetAttributes = [
  'api-key',
  'base-url',
  'user-id',
  'user-name',
  'user-email',
  'user-role',
  'bot-id',
  'agent-url',
  'conversation-kind',
  'external-ref',
  'participants',
  'mode',
  'open',
  'theme',
  'locale',
  'accent',
  'title-count',
  'sound',
  'storage-key',
] as const;

export type WidgetAttribute = (typeof widgetAttributes)[number];

/** Changing one of these means another user, tenant or thread: the widget starts over with it. */
export const restartAttributes: ReadonlySet<string> = new Set<WidgetAttribute>([
  'api-key',
  'base-url',
  'user-id',
  'user-name',
  'user-email',
  'user-role',
  'bot-id',
  'agent-url',
  'conversation-kind',
  'external-ref',
  'participants',
  'storage-key',
  'mode',
]);
