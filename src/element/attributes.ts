/** Every attribute `<tiny-chat>` reads; the script tag's `data-*` of the same names map onto them. */
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
  'user-token',
  'greeting',
  'reply-time',
] as const;

export type WidgetAttribute = (typeof widgetAttributes)[number];

/** Attributes that only change how the widget looks or opens: the views re-render, the state stays. */
// A new user token for the same user (a refresh) is taken as it is: nothing to start over.
const liveAttributes: ReadonlySet<WidgetAttribute> = new Set<WidgetAttribute>([
  'open',
  'theme',
  'locale',
  'accent',
  'title-count',
  'sound',
  'greeting',
  'reply-time',
  'user-token',
]);

/** Changing any other means another user, tenant, thread or layout: the widget starts over with it. */
export const restartAttributes: ReadonlySet<string> = new Set(widgetAttributes.filter((a) => !liveAttributes.has(a)));
