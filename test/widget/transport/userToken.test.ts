import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUserToken } from '../../../src/transport/createUserToken.ts';
import { tokenExpiry } from '../../../src/transport/tokenExpiry.ts';

/** An unsigned JWT-shaped token with this payload (the widget never checks signatures; the server does). */
const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

afterEach(() => vi.useRealTimers());

describe('tokenExpiry', () => {
  it('reads exp (seconds) from the payload as ms, whatever the base64url padding', () => {
    expect(tokenExpiry(jwt({ sub: 'u', exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
    expect(tokenExpiry(jwt({ sub: 'u_with_a_longer_id?>', exp: 2 }))).toBe(2000);
    for (const bad of ['', 'abc', 'a.b.c', jwt({ sub: 'u' }), jwt({ exp: 'soon' })]) expect(tokenExpiry(bad)).toBeUndefined();
  });
});

describe('createUserToken', () => {
  it('sends nothing until the config advertises identity, then the latest token', () => {
    const token = createUserToken(() => {});
    token.set('t1');
    expect(token.current()).toBeUndefined();
    token.enable(true);
    expect(token.current()).toBe('t1');
    token.set(null);
    expect(token.current()).toBeUndefined();
  });

  it('asks for a fresh token a minute before exp, or at 80% of a short life, and tells listeners of changes', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const refresh = vi.fn();
    const token = createUserToken(refresh);
    const changes = vi.fn();
    token.onChange(changes);
    token.enable(true);
    token.set(jwt({ exp: 1_000 + 3600 })); // an hour from "now" (1,000 s)
    await vi.dynamicImportSettled();
    vi.advanceTimersByTime(3600_000 - 60_000 - 1);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);

    token.set(jwt({ exp: Math.floor(Date.now() / 1000) + 10 }));
    await vi.dynamicImportSettled();
    vi.advanceTimersByTime(8_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(changes).toHaveBeenCalledTimes(3); // enable, and each set
    // A token replaced before its refresh never fires its old timer.
    token.set(jwt({ exp: Math.floor(Date.now() / 1000) + 10 }));
    token.set(null);
    await vi.dynamicImportSettled();
    vi.advanceTimersByTime(60_000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('renew() asks the page now and resolves with the token it sets, or undefined when none comes in time', async () => {
    vi.useFakeTimers();
    let token: ReturnType<typeof createUserToken>;
    const refresh = vi.fn(() => setTimeout(() => token.set('fresh'), 100));
    token = createUserToken(refresh);
    token.enable(true);
    token.set('stale');
    const renewed = token.renew();
    expect(refresh).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(100);
    await expect(renewed).resolves.toBe('fresh');

    refresh.mockImplementation(() => setTimeout(() => {}, 0));
    const nothing = token.renew(5_000);
    vi.advanceTimersByTime(5_000);
    await expect(nothing).resolves.toBeUndefined();
  });
});
