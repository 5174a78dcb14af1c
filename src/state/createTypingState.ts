import { signal, type ReadonlySignal } from '@preact/signals';

const typingClearMs = 3_000;

/** Who is typing in one thread: each typing event shows its sender for about 3 s, or until their message arrives. */
export interface TypingState {
  /** Sender id to display name ('' for none: the view says "Visitor" in the reader's language). */
  readonly by: ReadonlySignal<ReadonlyMap<string, string>>;
  saw(senderId: string, senderName: string | null | undefined): void;
  clear(senderId: string): void;
  dispose(): void;
}

export function createTypingState(): TypingState {
  const by = signal<ReadonlyMap<string, string>>(new Map());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const clear = (senderId: string) => {
    clearTimeout(timers.get(senderId));
    timers.delete(senderId);
    if (!by.value.has(senderId)) return;
    const next = new Map(by.value);
    next.delete(senderId);
    by.value = next;
  };
  return {
    by,
    saw(senderId, senderName) {
      const next = new Map(by.value);
      next.set(senderId, senderName ?? '');
      by.value = next;
      clearTimeout(timers.get(senderId));
      timers.set(
        senderId,
        setTimeout(() => clear(senderId), typingClearMs),
      );
    },
    clear,
    dispose() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
