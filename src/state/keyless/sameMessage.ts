import type { Message, SendInput } from '../../transport/types.ts';

/** Whether a stored message is what `input` asked for: same sender, body, image and reply target. */
export function sameMessage(m: Message, input: SendInput): boolean {
  return (
    m.sender_id === input.sender_id &&
    (m.body ?? null) === (input.body ?? null) &&
    (m.media_url ?? null) === (input.media_url ?? null) &&
    (m.reply_to ?? null) === (input.reply_to ?? null)
  );
}
