import { rm } from 'node:fs/promises';
import { createServer, type RunningServer, type ServerOptions } from '../../../server/createServer.ts';
import { freshDataDir } from '../../helpers/pgliteTemplate.ts';

export const KEY = 'pk_test_demo';
export const OTHER_KEY = 'pk_test_other';

/**
 * A real server on a free loopback port with a throwaway database: a copy of a freshly migrated one (removed on
 * close), unless the options name a database or a data dir of their own.
 */
export async function startTestServer(options: ServerOptions = {}): Promise<RunningServer & { api: Api }> {
  if (options.databaseUrl !== undefined || options.dataDir !== undefined || options.memory === true) {
    const server = await createServer({ port: 0, ...options });
    return { ...server, api: makeApi(server.url) };
  }
  const dataDir = await freshDataDir();
  const server = await createServer({ port: 0, ...options, dataDir });
  const close = async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { ...server, close, api: makeApi(server.url) };
}

export type Api = (path: string, init?: RequestInit & { json?: unknown; key?: string | null }) => Promise<{ status: number; body: any; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are inspected loosely

/** fetch with the demo key and JSON in and out. */
export function makeApi(base: string): Api {
  return async (path, init = {}) => {
    const headers = new Headers(init.headers);
    const key = init.key === undefined ? KEY : init.key;
    if (key !== null) headers.set('x-tinychat-api-key', key);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const res = await fetch(base + path, { ...init, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
}
