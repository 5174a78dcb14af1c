// @vitest-environment node
import { describe, expect, it } from 'vitest';

describe('the module entry on a server', () => {
  it('imports without a DOM and defines nothing', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const entry = await import('../../../src/index.ts');
    expect(typeof entry.mount).toBe('function');
    expect(typeof entry.defineTinyChat).toBe('function');
    expect(typeof entry.TinyChatElement).toBe('function');
    // Without a registry there is nothing to define into, and that is not an error.
    expect(() => entry.defineTinyChat(undefined)).not.toThrow();
  });
});
