import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerOptions } from '../../../../server/createServer.ts';

/** The local server in a child process (for happy-dom tests), with SQL run on its database before it answers. */
export async function startServerProcess(options: ServerOptions = {}, sql: { text: string; params?: unknown[] }[] = []): Promise<{ url: string; close(): Promise<void> }> {
  // A string, not `new URL()`: under happy-dom the global URL is the DOM's, which knows no file: URLs.
  const script = join(dirname(fileURLToPath(import.meta.url)), 'runServer.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, TEST_SERVER: JSON.stringify({ options, sql }) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the server process ended (${code}) before it started`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
