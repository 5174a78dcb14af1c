import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';

const projectRoot = new URL('../../../', import.meta.url);

export interface StaticRoots {
  /** The built widget, served at `/dist/`. @defaultValue the project's `dist/` */
  dist?: string;
  /** The demo pages, served at `/` (`/` is `index.html`). @defaultValue the project's `demo/` */
  demo?: string;
}

// serveStatic already refuses `..`, doubled slashes, backslashes and percent-escapes; dotfiles are refused
// here too, so nothing like `.env` or `.git` beside the pages could ever be read.
const refuseHidden: MiddlewareHandler = async (c, next) => {
  if (/(?:^|\/)\./.test(c.req.path)) return c.json({ error: 'not found' }, 404);
  await next();
};

// The demo is for development: always revalidate, so a rebuilt widget shows on the next reload.
const revalidate: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.ok) c.header('cache-control', 'no-cache');
};

// dist/ may not exist yet when the server starts (before `npm run build`); serveStatic complains about a
// missing root once at creation, so it is made on the first request that finds the folder.
function folder(root: string, rewrite?: (path: string) => string): MiddlewareHandler {
  let handler: MiddlewareHandler | undefined;
  return async (c, next) => {
    if (handler === undefined) {
      if (!existsSync(root)) return next();
      handler = serveStatic({ root, ...(rewrite ? { rewriteRequestPath: rewrite } : {}) });
    }
    return handler(c, next);
  };
}

/**
 * The strict policy of `demo/csp.html`. `connect-src 'self' ws:` is the one widening: the realtime
 * socket is a `ws:` URL, which `'self'` alone does not match in every browser (a production site on https needs
 * `wss:` or its API origin instead); `img-src data: blob:` lets the widget show image previews it made itself.
 */
export const DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self' ws:";

/**
 * The built widget at `/dist/` and the demo pages at `/`. Mount it after the API: it only answers GET and
 * HEAD for files that exist (a folder answers its `index.html` or falls through; never a listing).
 */
export function staticRoutes(roots: StaticRoots = {}) {
  const dist = folder(roots.dist ?? fileURLToPath(new URL('dist/', projectRoot)), (path) => path.slice('/dist'.length));
  const demo = folder(roots.demo ?? fileURLToPath(new URL('demo/', projectRoot)));
  const app = new Hono();
  app.use('*', refuseHidden, revalidate);
  app.use('/csp.html', async (c, next) => {
    await next();
    c.header('content-security-policy', DEMO_CSP);
  });
  // A site on another origin pastes the script tag; the loader then imports the widget's modules from here, and
  // cross-origin module scripts need CORS (as a CDN would send).
  app.use('/dist/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('access-control-allow-origin', '*');
  });
  app.use('/dist/*', dist);
  // `/dist/…` that is not a file must not be looked up among the demo pages.
  app.use('/*', async (c, next) => (c.req.path === '/dist' || c.req.path.startsWith('/dist/') ? next() : demo(c, next)));
  return app;
}
