/** One turn of the conversation sent to the agent (the chat completions body's `messages`). */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A Knowledge Base source the agent cited (`payload.citedResources`). URLs are untrusted. */
export interface CitedResource {
  id: string;
  url: string;
  title: string;
  type: string;
}
