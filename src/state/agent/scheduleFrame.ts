/**
 * Runs `callback` before the next paint (requestAnimationFrame), or after ~one frame where there is none
 * (Node, some embedded webviews). Returns a function that cancels it.
 */
export function scheduleFrame(callback: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
}
