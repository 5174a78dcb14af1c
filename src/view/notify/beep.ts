/**
 * A short, quiet two-tone chime made with WebAudio: no audio file to fetch (nothing for a CSP's media-src), a
 * few bytes of code. Browsers only let a page make sound after the visitor has interacted with it; before that
 * (`navigator.userActivation.hasBeenActive` false) this does nothing rather than log an autoplay warning.
 */
let context: AudioContext | undefined;

export function beep(): void {
  const Ctor = globalThis.AudioContext as typeof AudioContext | undefined;
  const activation = (globalThis.navigator as (Navigator & { userActivation?: { hasBeenActive: boolean } }) | undefined)?.userActivation;
  if (Ctor === undefined || activation?.hasBeenActive === false) return;
  try {
    context ??= new Ctor();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const now = context.currentTime;
    const gain = context.createGain();
    gain.connect(context.destination);
    gain.gain.setValueAtTime(0.0001, now);
    gain.gain.exponentialRampToValueAtTime(0.08, now + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.3);
    for (const [frequency, at] of [
      [880, 0],
      [1320, 0.09],
    ] as const) {
      const tone = context.createOscillator();
      tone.type = 'sine';
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(now + at);
      tone.stop(now + 0.3);
    }
  } catch {
    // No sound is never worth an error.
  }
}
