// The script tag loads its chunks from beside itself: the whole dist/ folder is served, not tinychat.js alone.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const widget = dirname(fileURLToPath(import.meta.resolve('tinychat-widget/tinychat.js')));
mkdirSync(join(here, 'out'), { recursive: true });
cpSync(join(here, 'index.html'), join(here, 'out', 'index.html'));
cpSync(widget, join(here, 'out', 'tinychat'), { recursive: true, filter: (file) => !file.endsWith('.map') });
console.log(`out/: index.html and tinychat/ (from ${widget})`);
