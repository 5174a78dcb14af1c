// Runs the local server in its own Node process for component tests: happy-dom replaces the globals the server
// needs (URL, fetch), so it cannot run inside their environment. Options and SQL come in TEST_SERVER (JSON);
// the URL goes out as one JSON line on stdout.
import type { ServerOptions } from '../../../../server/createServer.ts';
import { startTestServer } from '../../../server/helpers/testServer.ts';

const { options, sql } = JSON.parse(process.env.TEST_SERVER ?? '{}') as { options?: ServerOptions; sql?: { text: string; params?: unknown[] }[] };
const server = await startTestServer(options);
for (const q of sql ?? []) await server.db.query(q.text, q.params ?? []);
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The test process went away without stopping us.
process.stdin.on('end', stop);
process.stdin.resume();
