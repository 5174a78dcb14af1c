/** The events sent to webhook endpoints. */
export const WEBHOOK_EVENT_TYPES = ['message.created', 'message.updated', 'message.deleted', 'conversation.created', 'conversation.read'] as const;

/** One of {@link WEBHOOK_EVENT_TYPES}. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
