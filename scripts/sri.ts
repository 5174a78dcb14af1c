/**
 * `npm run sri`: the script tag for this build's loader from a CDN, pinned to the package's version, with its
 * Subresource Integrity hash (sha384 of `dist/tinychat.js`). Run it after `npm run build` when releasing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const integrity = `sha384-${createHash('sha384').update(readFileSync('dist/tinychat.js')).digest('base64')}`;
console.log(`<script src="https://cdn.jsdelivr.net/npm/tinychat-widget@${version}/dist/tinychat.js"
        integrity="${integrity}" crossorigin="anonymous"
        data-api-key="pk_live_…" async></script>`);
