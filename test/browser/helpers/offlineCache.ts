import type { BrowserContext } from 'playwright-core';

/**
 * What a service worker would do for the page: the page and its scripts come from the network while it answers,
 * and from what was fetched before when it does not (offline, the server down), so a reload in those moments
 * still runs the widget. The API and realtime are never cached: the widget has to cope with their absence.
 */
export async function cachePageAssets(context: BrowserContext): Promise<void> {
  const cache = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
  await context.route(
    (url) => !/^\/(api\/)?v1\//.test(url.pathname) && !url.pathname.startsWith('/realtime/'),
    async (route) => {
      const key = route.request().url();
      try {
        const response = await route.fetch();
        const body = await response.body();
        cache.set(key, { status: response.status(), headers: response.headers(), body });
        await route.fulfill({ status: response.status(), headers: response.headers(), body });
      } catch {
        const hit = cache.get(key);
        if (hit === undefined) await route.abort('internetdisconnected');
        else await route.fulfill(hit);
      }
    },
  );
}
