/**
 * The hub's key for a channel. Conversation ids are global and a join is checked against the conversation's
 * tenant, so `conv:<id>` needs no scope; any other channel name is the tenant's own, so two tenants that both
 * use `lobby` never hear each other.
 */
export function topicKey(tenantId: string, topic: string): string {
  return topic.startsWith('conv:') ? topic : `${tenantId}|${topic}`;
}

/** The conversation id of a `conv:<id>` channel, else undefined. */
export function conversationOf(topic: string): string | undefined {
  return topic.startsWith('conv:') ? topic.slice(5) : undefined;
}
