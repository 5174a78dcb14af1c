/**
 * Unsent text per conversation, kept in sessionStorage so it survives a reload (and a failed send, which never
 * touches it), with memory as the fallback where storage is blocked (private modes, sandboxed iframes).
 * Keys carry the conversation id, which the server makes unique, so several widgets on a page cannot collide.
 */
const memory = new Map<string, string>();
const PREFIX = 'tinychat:draft:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // reading `sessionStorage` itself throws when storage is blocked
  }
}

/** The saved draft of a conversation, or ''. */
export function loadDraft(conversationId: string): string {
  try {
    const stored = storage()?.getItem(PREFIX + conversationId);
    if (stored != null) return stored;
  } catch {
    // fall through to memory
  }
  return memory.get(conversationId) ?? '';
}

/** Saves (or, for '', forgets) the draft of a conversation. */
export function saveDraft(conversationId: string, text: string): void {
  if (text === '') memory.delete(conversationId);
  else memory.set(conversationId, text);
  try {
    const s = storage();
    if (text === '') s?.removeItem(PREFIX + conversationId);
    else s?.setItem(PREFIX + conversationId, text);
  } catch {
    // quota or blocked: memory still has it for this page's life
  }
}

/** Opens the storage area ahead of need: Chromium's first sessionStorage read is a synchronous trip of a few ms. */
export function warmDrafts(): void {
  loadDraft('');
}
