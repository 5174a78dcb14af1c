import { createServer } from './createServer.ts';
import { demo } from './db/seed.ts';

// `npm run demo`: the local TinyChat-compatible server with the demo pages.
const port = Number(process.env.PORT ?? 8787);
const server = await createServer({
  port,
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.TINYCHAT_DATA_DIR ?? '.data',
  memory: process.env.TINYCHAT_MEMORY === '1',
  publicUrl: process.env.PUBLIC_URL || undefined,
});
const url = server.url.replace('127.0.0.1', 'localhost');
const mode = server.compat === 'hosted'
  ? 'hosted (TINYCHAT_COMPAT=hosted: exactly the hosted API\'s documented surface, none of our extensions)'
  : 'default (our extensions on, listed in /v1/config "features"; TINYCHAT_COMPAT=hosted for the hosted surface only)';
console.log(`tinychat local server on ${url} (${server.db.kind})
  mode             ${mode}
  demo page        ${url}/
  publishable key  ${demo.tenant.key} (${demo.tenant.name}); other tenant ${demo.otherTenant.key}
  agents           ${demo.publicBot} (public), ${demo.privateBot} (api-key ${demo.privateBotKey})
  health key       ${demo.healthKey} (scope health:read)
  realtime         ${url.replace(/^http/, 'ws')}/realtime/v1/websocket (anon key ${demo.tenant.anonKey}; supabase-js: createClient('${url}', '${demo.tenant.anonKey}'))
  try              curl -H 'x-tinychat-api-key: ${demo.tenant.key}' ${url}/v1/config`);

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
