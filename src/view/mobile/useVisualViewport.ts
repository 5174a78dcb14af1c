import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Keeps the floating and full-screen panel inside what the visitor can actually see. On phones the
 * on-screen keyboard shrinks the *visual* viewport but not the layout viewport that `position: fixed` and `100dvh`
 * follow (unless the page chose `interactive-widget=resizes-content`), so a full-height panel would have its composer
 * under the keyboard. This writes the visual viewport's top, height and the part of the layout viewport below it as
 * `--tc-vv-top`, `--tc-vv-height` and `--tc-vv-bottom` on `root` (through the CSSOM, allowed by a strict CSP); the
 * panel styles size and place the panel with them. Without `visualViewport` nothing is set and the CSS falls back
 * to `100dvh`.
 */
export function useVisualViewport(root: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const vv = globalThis.visualViewport;
    const el = root.current;
    if (!active || !vv || !el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const below = Math.max(0, globalThis.innerHeight - vv.height - vv.offsetTop);
      el.style.setProperty('--tc-vv-top', `${vv.offsetTop}px`);
      el.style.setProperty('--tc-vv-height', `${vv.height}px`);
      el.style.setProperty('--tc-vv-bottom', `${below}px`);
    };
    // resize and scroll come in bursts while the keyboard slides in: one write per frame.
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    vv.addEventListener('resize', schedule);
    vv.addEventListener('scroll', schedule);
    return () => {
      cancelAnimationFrame(frame);
      vv.removeEventListener('resize', schedule);
      vv.removeEventListener('scroll', schedule);
      for (const name of ['--tc-vv-top', '--tc-vv-height', '--tc-vv-bottom']) el.style.removeProperty(name);
    };
  }, [active]);
}
