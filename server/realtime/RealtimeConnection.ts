import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { AuthorizeChannel } from './authorizeChannel.ts';
import { clientEventRule } from './clientEventRule.ts';
import { decodeFrame, type ClientFrame } from './decodeFrame.ts';
import { encodeFrame } from './encodeFrame.ts';
import type { Vsn } from './Frame.ts';
import type { RealtimeHub, Subscriber } from './RealtimeHub.ts';
import type { RealtimeSettings } from './RealtimeSettings.ts';
import type { RealtimeTenantRow } from './realtimeTenant.ts';
import { serverOnly } from './serverOnly.ts';
import { topicKey } from './topicKey.ts';
import { wsFrame } from './wsFrame.ts';

/** What a connection needs from the realtime server around it. */
export interface ConnectionDeps {
  hub: RealtimeHub;
  /** Whether this client may join `channel` (and who its user token says it is). */
  authorize: AuthorizeChannel;
  limits: Pick<RealtimeSettings, 'maxBufferedBytes' | 'maxChannelsPerSocket' | 'clientEvents' | 'maxTypingBytes'>;
  /** Called once when the socket is dropped for falling behind. */
  onDropped(): void;
}

interface Joined {
  joinRef: string | null;
  key: string;
  ack: boolean;
  /** When the user token it was joined with expires (ms since the epoch); the channel errors then. */
  expiresAt: number | undefined;
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
  /** The client-event window: when it started and how many events it counted. */
  private window = { start: 0, count: 0 };

  /**
   * @param socket - the TCP socket under `ws` (as handleUpgrade got it): frames are written to it directly. That is
   *   safe because ws writes each of its own frames (close, pong) synchronously and whole: it only queues when
   *   compressing (perMessageDeflate is off) or sending a Blob (we never do).
   */
  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
    readonly vsn: Vsn,
    private readonly tenant: RealtimeTenantRow,
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
    if (ws.bufferedAmount > this.deps.limits.maxBufferedBytes) {
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

  /** Errors every channel joined with a user token that has expired by `now`: the client rejoins with a fresh one. */
  expire(now: number): void {
    for (const [topic, j] of this.joined) {
      if (j.expiresAt === undefined || j.expiresAt > now) continue;
      this.reply({ joinRef: j.joinRef, ref: null, topic, event: 'phx_error', payload: {} });
      this.leave(topic, j);
    }
  }

  private receive(data: Buffer, binary: boolean): void {
    this.lastSeen = Date.now();
    const frame = decodeFrame(data, binary, this.vsn);
    if (frame === undefined) return;
    if (!(frame.topic === 'phoenix' && frame.event === 'heartbeat') && !this.counted()) {
      const { limit, windowMs } = this.deps.limits.clientEvents;
      return this.error(frame, `too many events: at most ${limit} every ${windowMs / 1000} s on one connection`);
    }
    if (this.backlog !== undefined) {
      if (this.backlog.length >= MAX_BACKLOG) this.ws.close(1008, 'too many frames');
      else this.backlog.push(frame);
      return;
    }
    this.handle(frame);
  }

  private handle(f: ClientFrame): void {
    if (f.topic === 'phoenix' && f.event === 'heartbeat') return this.ok(f, {});
    if (f.event === 'phx_join' || (f.event === 'access_token' && this.joined.has(f.topic))) {
      this.backlog = [];
      void (f.event === 'phx_join' ? this.join(f) : this.updateToken(f))
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
    let expiresAt: number | undefined;
    if (channel === '') reason = 'topic must be realtime:<channel>';
    // Kind 4 frames carry the topic's length in one byte.
    else if (Buffer.byteLength(f.topic) > 255) reason = 'channel name is too long (at most 246 bytes)';
    else if (Array.isArray(config.postgres_changes) && config.postgres_changes.length > 0) reason = 'postgres_changes are not supported by this server (broadcast only)';
    else if (!this.joined.has(f.topic) && this.joined.size >= this.deps.limits.maxChannelsPerSocket)
      reason = `too many channels on one connection (at most ${this.deps.limits.maxChannelsPerSocket})`;
    else {
      const token = (f.payload as { access_token?: unknown }).access_token;
      const access = await this.deps.authorize(this.tenant, channel, typeof token === 'string' ? token : undefined);
      if ('refused' in access) reason = access.refused;
      else expiresAt = access.caller?.expiresAt;
    }
    if (this.closed) return;
    if (reason !== undefined) return this.error(f, reason);

    const previous = this.joined.get(f.topic);
    if (previous !== undefined) {
      this.deps.hub.remove(previous.key, this);
      // As Phoenix does for a duplicate join: the old one is closed.
      if (previous.joinRef !== f.joinRef) this.reply({ joinRef: previous.joinRef, ref: null, topic: f.topic, event: 'phx_close', payload: {} });
    }
    const key = topicKey(this.tenant.id, channel);
    this.joined.set(f.topic, { joinRef: f.joinRef, key, ack: config.broadcast?.ack === true, expiresAt });
    this.deps.hub.add(key, this, config.broadcast?.self === true);
    // `response.postgres_changes` is required: without it the client throws and never reports SUBSCRIBED.
    this.ok(f, { postgres_changes: [] });
  }

  /**
   * A new token for a joined channel (the client refreshed it). A token that is not valid for this channel (wrong,
   * expired, another user who is no participant) errors the channel, so nobody keeps listening on a token that
   * would not let them join; no reply otherwise, as the real server.
   */
  private async updateToken(f: ClientFrame): Promise<void> {
    const token = (f.payload as { access_token?: unknown }).access_token;
    const access = await this.deps.authorize(this.tenant, f.topic.slice(PREFIX.length), typeof token === 'string' ? token : undefined);
    const joined = this.joined.get(f.topic);
    if (this.closed || joined === undefined) return;
    if ('refused' in access) {
      this.reply({ joinRef: joined.joinRef, ref: null, topic: f.topic, event: 'phx_error', payload: {} });
      return this.leave(f.topic, joined);
    }
    joined.expiresAt = access.caller?.expiresAt;
  }

  private leave(topic: string, joined: Joined): void {
    this.deps.hub.remove(joined.key, this);
    this.joined.delete(topic);
  }

  private push(f: ClientFrame, joined: Joined, event: string, body: string | Uint8Array): void {
    if (event === '' || Buffer.byteLength(event) > 255) return this.error(f, 'event name must be 1 to 255 bytes');
    const topic = f.topic.slice(PREFIX.length);
    const refused = serverOnly(topic, event) ?? clientEventRule(joined.key, event, body, this.deps.limits.maxTypingBytes);
    if (refused !== undefined) return this.error(f, refused);
    this.deps.hub.publish({ key: joined.key, topic, event, body }, this);
    if (joined.ack) this.ok(f, {});
  }

  /** Counts one client event in the current window; false when the window's budget is spent. */
  private counted(): boolean {
    const now = Date.now();
    const { limit, windowMs } = this.deps.limits.clientEvents;
    if (now - this.window.start >= windowMs) this.window = { start: now, count: 0 };
    return ++this.window.count <= limit;
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
