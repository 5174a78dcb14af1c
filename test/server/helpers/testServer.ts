import { createServer, type RunningServer, type ServerOptions } from '../../../server/createServer.ts';

export const KEY = 'pk_test_demo';
export const OTHER_KEY = 'pk_test_other';

/** A real server on a free loopback port with a throwaway database. */
export async function startTestServer(options: ServerOptions = {}): Promise<RunningServer & { api: Api }> {
  const server = await createServer({ port: 0, memory: true, ...options });
  return { ...server, api: makeApi(server.url) };
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
