import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Db } from '../db/Db.ts';
import { authorizeChannel } from './authorizeChannel.ts';
import { broadcastRoutes } from './broadcastRoutes.ts';
import type { Vsn } from './Frame.ts';
import { createPgRelay } from './createPgRelay.ts';
import { RealtimeConnection } from './RealtimeConnection.ts';
import { RealtimeHub } from './RealtimeHub.ts';
import { defaultRealtimeSettings, type RealtimeSettings } from './RealtimeSettings.ts';
import { realtimeTenant } from './realtimeTenant.ts';

export const WEBSOCKET_PATH = '/realtime/v1/websocket';

/** Counters for tests and benchmarks. */
export interface RealtimeStats {
  connections: number;
  channels: number;
  /** Sockets dropped for falling behind (send buffer over `maxBufferedBytes`). */
  dropped: number;
}

/** The Supabase Realtime endpoint of one server process. */
export interface RealtimeServer {
  /** Where the REST handlers broadcast. */
  hub: RealtimeHub;
  /** `/api/broadcast` and `/api/broadcast/:topic/events/:event`, to mount under `/realtime/v1`. */
  routes: ReturnType<typeof broadcastRoutes>;
  /** Serves `/realtime/v1/websocket` on the HTTP server's `upgrade`. */
  attach(server: Server): void;
  stats(): RealtimeStats;
  /** Drops every socket (clients reconnect to whoever serves next) and stops the relay. */
  close(): Promise<void>;
}

/**
 * Builds the realtime endpoint. On a real Postgres (several processes may share it) broadcasts also go through
 * LISTEN/NOTIFY; embedded PGlite is one process and needs no relay.
 */
export async function createRealtime(db: Db, overrides: Partial<RealtimeSettings> = {}, options: { identity?: boolean } = {}): Promise<RealtimeServer> {
  const settings = { ...defaultRealtimeSettings, ...overrides };
  const authorize = authorizeChannel(db, options.identity ?? true);
  /** Open sockets per remote address, for maxSocketsPerAddress. */
  const perAddress = new Map<string, number>();
  const hub = new RealtimeHub();
  const connections = new Set<RealtimeConnection>();
  let dropped = 0;
  if (db.kind === 'postgres') {
    hub.relay = await createPgRelay(db, {
      deliver: (b) => hub.deliver(b),
      // Broadcasts from other processes may have been missed while LISTEN was down: make every client rejoin,
      // which is when the widget backfills its history.
      onGap: () => connections.forEach((c) => c.errorAll()),
    });
  }
  const deps = {
    hub,
    authorize,
    limits: settings,
    onDropped: () => void dropped++,
  };
  const wss = new WebSocketServer({
    noServer: true,
    // Off, and it must stay off: each broadcast is framed once and the same bytes are written to every socket
    // (wsFrame); compression would be per-socket work, and ws would queue its own frames behind it.
    perMessageDeflate: false,
    maxPayload: settings.maxPayloadBytes,
    clientTracking: false,
  });

  const upgrade = async (server: Server, req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.replace(/\/$/, '') !== WEBSOCKET_PATH) {
      // Another listener may serve that path; when none does, say so instead of leaving the socket hanging.
      if (server.listenerCount('upgrade') === 1) refuse(socket, 404, 'not found');
      return;
    }
    socket.on('error', () => undefined);
    const vsn = url.searchParams.get('vsn') ?? '1.0.0';
    if (vsn !== '1.0.0' && vsn !== '2.0.0') return refuse(socket, 400, `unsupported vsn ${vsn}`);
    const header = req.headers.apikey;
    const tenant = await realtimeTenant(db, url.searchParams.get('apikey') ?? (typeof header === 'string' ? header : undefined));
    if ('refused' in tenant) return refuse(socket, 403, tenant.refused);
    if (socket.destroyed) return;
    const address = req.socket.remoteAddress ?? 'unknown';
    const open = perAddress.get(address) ?? 0;
    if (open >= settings.maxSocketsPerAddress) {
      return refuse(socket, 429, `too many connections from one address (at most ${settings.maxSocketsPerAddress})`);
    }
    perAddress.set(address, open + 1);
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      const n = (perAddress.get(address) ?? 1) - 1;
      if (n <= 0) perAddress.delete(address);
      else perAddress.set(address, n);
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = new RealtimeConnection(ws, socket, vsn as Vsn, tenant, deps);
      connections.add(conn);
      ws.once('close', () => {
        connections.delete(conn);
        release();
      });
    });
  };

  // One timer for all sockets rather than one each: idle connections stay small.
  const sweep = setInterval(
    () => {
      const now = Date.now();
      const deadline = now - settings.heartbeatTimeoutMs;
      for (const c of connections) {
        if (c.lastSeen < deadline) c.close(1000, 'heartbeat timeout');
        else c.expire(now);
      }
    },
    Math.max(10, Math.min(settings.heartbeatTimeoutMs / 4, 5000)),
  );
  sweep.unref();

  return {
    hub,
    routes: broadcastRoutes(db, hub, settings, authorize),
    attach: (server) => {
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        upgrade(server, req, socket, head).catch((err: unknown) => {
          console.error('realtime upgrade failed', err);
          refuse(socket, 500, 'internal error');
        });
      });
    },
    stats: () => ({ connections: connections.size, channels: hub.channelCount, dropped }),
    close: async () => {
      clearInterval(sweep);
      for (const c of connections) c.terminate();
      connections.clear();
      await hub.relay?.close();
    },
  };
}

/** Answers the upgrade request with a plain HTTP error, as the real server does for a bad `apikey` (403). */
function refuse(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ message });
  const text = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 500: 'Internal Server Error' }[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
