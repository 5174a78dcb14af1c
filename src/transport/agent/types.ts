/** One turn of the conversation sent to the agent (seed: tinytalk-chat-completions, body `messages`). */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A Knowledge Base source the agent cited (seed: `payload.citedResources`). URLs are untrusted. */
export interface CitedResource {
  id: string;
  url: string;
  title: string;
  type: string;
}
