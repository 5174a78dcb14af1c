import { Hono } from 'hono';
import type { KnowledgeBase } from './KnowledgeBase.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

// The pages are ours, but they are served as escaped text under a no-script policy all the same.
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
};

const page = (title: string, inner: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${escapeHtml(title)} · Acme Logistics help</title>` +
  `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;font:inherit}</style>` +
  `<body>${inner}</body></html>`;

/** `GET /kb` and `GET /kb/<slug>`: the knowledge-base pages the agent cites, as escaped markdown text. */
export function kbRoutes(knowledge: Promise<KnowledgeBase>) {
  return new Hono()
    .get('/kb', async (c) => {
      const kb = await knowledge;
      const items = kb.pages.map((p) => `<li><a href="/kb/${encodeURIComponent(p.slug)}">${escapeHtml(p.title)}</a></li>`).join('');
      return c.body(page('Help pages', `<h1>Acme Logistics help</h1><ul>${items}</ul>`), 200, HEADERS);
    })
    .get('/kb/:slug', async (c) => {
      const p = (await knowledge).page(c.req.param('slug'));
      if (p === undefined) return c.body(page('Not found', '<h1>Page not found</h1><p><a href="/kb">All help pages</a></p>'), 404, HEADERS);
      return c.body(page(p.title, `<h1>${escapeHtml(p.title)}</h1><pre>${escapeHtml(p.body)}</pre><p><a href="/kb">All help pages</a></p>`), 200, HEADERS);
    });
}
