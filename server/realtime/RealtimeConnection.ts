import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import { decodeFrame, type ClientFrame } from './decodeFrame.ts';
import { encodeFrame } from './encodeFrame.ts';
import type { Vsn } from './Frame.ts';
import type { RealtimeHub, Subscriber } from './RealtimeHub.ts';
import { topicKey } from './topicKey.ts';
import { wsFrame } from './wsFrame.ts';

/** What a connection needs from the realtime server around it. */
export interface ConnectionDeps {
  hub: RealtimeHub;
  /** Why `tenantId` may not join `channel`, or undefined when it may. */
  authorize(tenantId: string, channel: string): Promise<string | undefined>;
  maxBufferedBytes: number;
  /** Called once when the socket is dropped for falling behind. */
  onDropped(): void;
}

interface Joined {
  joinRef: string | null;
  key: string;
  ack: boolean;
}

const PREFIX = 'realtime:';
// Frames that may wait behind a join's database check; a client that floods past this is misbehaving.
const MAX_BACKLOG = 1000;

/** One client socket: its joined channels, replies, heartbeats and broadcasts, as the Supabase Realtime (Phoenix) protocol has them. */
export class RealtimeConnection implements Subscriber {
  /** `Date.now()` of the last frame received; the heartbeat sweep closes silent sockets. */
  lastSeen = Date.now();
  private readonly joined = new Map<string, Joined>();
  /** Frames that arrived while a join was being authorized, handled in order after it. */
  private backlog: ClientFrame[] | undefined;
  private closed = false;

  /**
   * @param socket - the TCP socket under `ws` (as handleUpgrade got it): frames are written to it directly. That is
   *   safe because ws writes each of its own frames (close, pong) synchronously and whole: it only queues when
   *   compressing (perMessageDeflate is off) or sending a Blob (we never do).
   */
  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
    readonly vsn: Vsn,
    private readonly tenantId: string,
    private readonly deps: ConnectionDeps,
  ) {
    ws.on('message', (data: Buffer, binary: boolean) => this.receive(data, binary));
    ws.on('close', () => this.cleanUp());
    // A reset peer; 'close' follows and cleans up.
    ws.on('error', () => undefined);
  }

  send(frame: Buffer): void {
    const ws = this.ws;
    if (ws.readyState !== WebSocket.OPEN) return;
    this.socket.write(frame);
    if (ws.bufferedAmount > this.deps.maxBufferedBytes) {
      // Too slow or gone: drop it rather than buffer without bound. The client reconnects and backfills.
      this.deps.onDropped();
      ws.terminate();
    }
  }

  /** Closes the socket (heartbeat timeout, shutdown). */
  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** Drops the socket at once (shutdown: the client reconnects to whoever serves next). */
  terminate(): void {
    this.ws.terminate();
  }

  /** Tells every joined channel it failed, so the client rejoins (and the widget backfills what it missed). */
  errorAll(): void {
    for (const [topic, j] of this.joined) {
      this.reply({ joinRef: j.joinRef, ref: null, topic, event: 'phx_error', payload: {} });
      this.deps.hub.remove(j.key, this);
    }
    this.joined.clear();
  }

  private receive(data: Buffer, binary: boolean): void {
    this.lastSeen = Date.now();
    const frame = decodeFrame(data, binary, this.vsn);
    if (frame === undefined) return;
    if (this.backlog !== undefined) {
      if (this.backlog.length >= MAX_BACKLOG) this.ws.close(1008, 'too many frames');
      else this.backlog.push(frame);
      return;
    }
    this.handle(frame);
  }

  private handle(f: ClientFrame): void {
    if (f.topic === 'phoenix' && f.event === 'heartbeat') return this.ok(f, {});
    if (f.event === 'phx_join') {
      this.backlog = [];
      void this.join(f)
        .catch((err: unknown) => {
          console.error('realtime join failed', err);
          this.error(f, 'could not join');
        })
        .finally(() => this.drain());
      return;
    }
    const joined = this.joined.get(f.topic);
    if (f.event === 'phx_leave') {
      if (joined !== undefined) this.leave(f.topic, joined);
      return this.ok(f, {});
    }
    if (joined === undefined) return this.error(f, 'unmatched topic');
    if (f.broadcast !== undefined) return this.push(f, joined, f.broadcast.event, f.broadcast.body);
    // Tokens are not verified: the anon key decides the tenant (README, Realtime). No reply, as the real server.
    if (f.event === 'access_token') return;
    if (f.event === 'presence') return this.error(f, 'presence is not supported by this server');
    this.error(f, `unknown event ${f.event}`);
  }

  private drain(): void {
    const frames = this.backlog ?? [];
    this.backlog = undefined;
    for (let i = 0; i < frames.length; i++) {
      if (this.backlog !== undefined) {
        // Another join started: the rest waits behind it, still in order.
        (this.backlog as ClientFrame[]).push(...frames.slice(i));
        return;
      }
      this.handle(frames[i] as ClientFrame);
    }
  }

  private async join(f: ClientFrame): Promise<void> {
    const channel = f.topic.startsWith(PREFIX) ? f.topic.slice(PREFIX.length) : '';
    const config = ((f.payload as { config?: unknown }).config ?? {}) as {
      broadcast?: { ack?: unknown; self?: unknown };
      postgres_changes?: unknown;
    };
    let reason: string | undefined;
    if (channel === '') reason = 'topic must be realtime:<channel>';
    // Kind 4 frames carry the topic's length in one byte.
    else if (Buffer.byteLength(f.topic) > 255) reason = 'channel name is too long (at most 246 bytes)';
    else if (Array.isArray(config.postgres_changes) && config.postgres_changes.length > 0)
      reason = 'postgres_changes are not supported by this server (broadcast only)';
    else reason = await this.deps.authorize(this.tenantId, channel);
    if (this.closed) return;
    if (reason !== undefined) return this.error(f, reason);

    const previous = this.joined.get(f.topic);
    if (previous !== undefined) {
      this.deps.hub.remove(previous.key, this);
      // As Phoenix does for a duplicate join: the old one is closed.
      if (previous.joinRef !== f.joinRef) this.reply({ joinRef: previous.joinRef, ref: null, topic: f.topic, event: 'phx_close', payload: {} });
    }
    const key = topicKey(this.tenantId, channel);
    this.joined.set(f.topic, { joinRef: f.joinRef, key, ack: config.broadcast?.ack === true });
    this.deps.hub.add(key, this, config.broadcast?.self === true);
    // `response.postgres_changes` is required: without it the client throws and never reports SUBSCRIBED.
    this.ok(f, { postgres_changes: [] });
  }

  private leave(topic: string, joined: Joined): void {
    this.deps.hub.remove(joined.key, this);
    this.joined.delete(topic);
  }

  private push(f: ClientFrame, joined: Joined, event: string, body: string | Uint8Array): void {
    if (event === '' || Buffer.byteLength(event) > 255) return this.error(f, 'event name must be 1 to 255 bytes');
    // Only the server announces messages: a client could otherwise show others a message that was never sent.
    if (joined.key.startsWith('conv:') && event.toLowerCase() === 'message')
      return this.error(f, "'message' on conv: channels comes from the server only");
    this.deps.hub.publish({ key: joined.key, topic: f.topic.slice(PREFIX.length), event, body }, this);
    if (joined.ack) this.ok(f, {});
  }

  private ok(f: ClientFrame, response: object): void {
    this.reply({ joinRef: f.joinRef, ref: f.ref, topic: f.topic, event: 'phx_reply', payload: { status: 'ok', response } });
  }

  private error(f: ClientFrame, reason: string): void {
    // Without a ref nobody waits for the answer.
    if (f.ref === null) return;
    this.reply({ joinRef: f.joinRef, ref: f.ref, topic: f.topic, event: 'phx_reply', payload: { status: 'error', response: { reason } } });
  }

  private reply(frame: Parameters<typeof encodeFrame>[1]): void {
    this.send(wsFrame(encodeFrame(this.vsn, frame), false));
  }

  private cleanUp(): void {
    this.closed = true;
    for (const j of this.joined.values()) this.deps.hub.remove(j.key, this);
    this.joined.clear();
    this.backlog = undefined;
  }
}
