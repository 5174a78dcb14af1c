/** The converter, once its chunk has loaded (with the first agent message a page shows or announces). */
let convert: ((body: string) => string) | undefined;
let loading: Promise<void> | undefined;

/**
 * Hands `use` what a message says as plain words: an agent's (`bot:<id>`) markdown through `plainText`, anyone
 * else's body as written (a person's `*` is theirs); '' for an image without a caption. `plainText` is a chunk of
 * its own (a first visit without an agent never needs it): until it has loaded, an agent's message is handed
 * over a moment later, never with its markdown.
 */
export function messageText(message: { sender_id: string; body: string | null }, use: (text: string) => void): void {
  const body = message.body ?? '';
  if (!message.sender_id.startsWith('bot:')) return use(body);
  if (convert !== undefined) return use(convert(body));
  loading ??= import('./plainText.ts').then(
    (m) => void (convert = m.plainText),
    () => void (loading = undefined),
  );
  void loading.then(() => use(convert?.(body) ?? body));
}
