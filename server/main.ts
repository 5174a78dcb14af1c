import { createServer } from './createServer.ts';
import { demo } from './db/seed.ts';
import { demoWebhooks } from './webhooks/demoWebhooks.ts';
import { WebhookConfigError } from './webhooks/WebhookConfigError.ts';

// `npm run demo`: the local TinyChat-compatible server with the demo pages.
const port = Number(process.env.PORT ?? 8787);
// `npm run demo` passes --demo: the inbox page then gets its support person's user token from this server.
const demoTokens = process.argv.includes('--demo');
const webhooks = await demoWebhooks(process.argv, process.env);
const server = await createServer({
  demoTokens,
  port,
  host: process.env.HOST ?? '127.0.0.1',
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.TINYCHAT_DATA_DIR ?? '.data',
  memory: process.env.TINYCHAT_MEMORY === '1',
  publicUrl: process.env.PUBLIC_URL || undefined,
  webhooks: webhooks.settings,
}).catch((err: unknown) => {
  // A misconfigured webhook is the operator's to fix: say what, without a stack trace.
  if (!(err instanceof WebhookConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
});
const url = server.url.replace('127.0.0.1', 'localhost');
const mode =
  server.compat === 'hosted'
    ? "hosted (TINYCHAT_COMPAT=hosted: exactly the hosted API's documented surface, none of our extensions)"
    : 'default (our extensions on, listed in /v1/config "features"; TINYCHAT_COMPAT=hosted for the hosted surface only)';
console.log(`tinychat local server on ${url} (${server.db.kind})
  mode             ${mode}
  demo page        ${url}/
  publishable key  ${demo.tenant.key} (${demo.tenant.name}); other tenant ${demo.otherTenant.key}
  agents           ${demo.publicBot} (public), ${demo.privateBot} (api-key ${demo.privateBotKey})
  health key       ${demo.healthKey} (scope health:read)
  signed identity  ${demo.secureTenant.key} (${demo.secureTenant.name}, user token required; realtime ${demo.secureTenant.anonKey}); identity secret ${demo.identitySecret}${
    demoTokens
      ? `
  demo token       ${url}/demo/user-token (the inbox's support person; dev only)`
      : ''
  }
  realtime         ${url.replace(/^http/, 'ws')}/realtime/v1/websocket (anon key ${demo.tenant.anonKey}; supabase-js: createClient('${url}', '${demo.tenant.anonKey}'))
  try              curl -H 'x-tinychat-api-key: ${demo.tenant.key}' ${url}/v1/config`);
console.log(webhooks.banner.replace('<server>', url));

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
