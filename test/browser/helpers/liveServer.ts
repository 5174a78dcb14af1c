import { rm } from 'node:fs/promises';
import { createServer, type RunningServer } from '../../../server/createServer.ts';
import { freshDataDir } from '../../helpers/pgliteTemplate.ts';
import { makeApi, type Api } from '../../server/helpers/testServer.ts';

/** The real server with its data on disk, so that it can be stopped and started again with nothing lost. */
export interface LiveServer {
  /** e.g. `http://127.0.0.1:41234`; the same across restarts */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** REST with the demo key (see test/server/helpers/testServer.ts). */
  readonly api: Api;
  /** The running instance; undefined while stopped. */
  readonly current: RunningServer | undefined;
  /** Closes the server (its sockets too); the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data dir. */
  start(): Promise<void>;
  /** Stops it and removes the data dir. */
  dispose(): Promise<void>;
}

/** Starts the server on a free loopback port with a fresh data dir on disk (a copy of the template). */
export async function startLiveServer(): Promise<LiveServer> {
  const dataDir = await freshDataDir('tinychat-browser-');
  let current: RunningServer | undefined = await createServer({ port: 0, dataDir });
  const port = current.port;
  const url = current.url;
  const live: LiveServer = {
    url,
    port,
    dataDir,
    api: makeApi(url),
    get current() {
      return current;
    },
    async stop() {
      const running = current;
      current = undefined;
      await running?.close();
    },
    async start() {
      if (current) return;
      current = await createServer({ port, dataDir });
    },
    async dispose() {
      await live.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return live;
}
