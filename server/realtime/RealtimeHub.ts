import type { Broadcaster } from './Broadcaster.ts';
import { encodeBroadcastV1, encodeBroadcastV2 } from './encodeFrame.ts';
import type { Broadcast, Vsn } from './Frame.ts';
import { topicKey } from './topicKey.ts';
import { wsFrame } from './wsFrame.ts';

/** Something that receives broadcasts: one client socket. */
export interface Subscriber {
  readonly vsn: Vsn;
  /** Queues a complete WebSocket frame (wsFrame); the subscriber drops itself when it cannot keep up. */
  send(frame: Buffer): void;
}

/** Carries broadcasts to the other server processes (Postgres NOTIFY); see createPgRelay. */
export interface Relay {
  publish(b: Broadcast): void;
  close(): Promise<void>;
}

/**
 * Who listens to which channel, and the fan-out. Each broadcast is encoded and framed at most once per serializer
 * and the same bytes go to every socket; a socket's send never waits, so a slow one cannot delay the rest.
 */
export class RealtimeHub implements Broadcaster {
  /** topicKey → subscriber → whether it joined with `self: true` */
  private readonly topics = new Map<string, Map<Subscriber, boolean>>();
  /** Set when several processes share one Postgres. */
  relay: Relay | undefined;

  add(key: string, subscriber: Subscriber, self: boolean): void {
    let subs = this.topics.get(key);
    if (subs === undefined) this.topics.set(key, (subs = new Map()));
    subs.set(subscriber, self);
  }

  remove(key: string, subscriber: Subscriber): void {
    const subs = this.topics.get(key);
    if (subs?.delete(subscriber) && subs.size === 0) this.topics.delete(key);
  }

  /** The REST handlers' entry (`conv:<id>` channels are global, a tenant's own channels need its id: see topicKey). */
  broadcast(topic: string, event: string, payload: unknown, tenantId?: string): void {
    this.publish({ key: tenantId === undefined ? topic : topicKey(tenantId, topic), topic, event, body: JSON.stringify(payload ?? {}) });
  }

  /**
   * Delivers here at once and hands the broadcast to the relay for the other processes.
   * @param sender - the socket that pushed it: skipped unless it joined with `self: true`
   */
  publish(b: Broadcast, sender?: Subscriber): void {
    this.deliver(b, sender);
    this.relay?.publish(b);
  }

  /** Delivers to this process's subscribers only (the relay calls this for other processes' broadcasts). */
  deliver(b: Broadcast, sender?: Subscriber): void {
    const subs = this.topics.get(b.key);
    if (subs === undefined) return;
    let v1: Buffer | undefined | null;
    let v2: Buffer | undefined;
    // Iterating a Map stays valid if a dropped socket leaves it meanwhile.
    for (const [sub, self] of subs) {
      if (sub === sender && !self) continue;
      if (sub.vsn === '2.0.0') {
        sub.send((v2 ??= wsFrame(encodeBroadcastV2(b), true)));
      } else {
        if (v1 === undefined) {
          const text = encodeBroadcastV1(b);
          v1 = text === undefined ? null : wsFrame(text, false);
        }
        if (v1 !== null) sub.send(v1);
      }
    }
  }

  /** Number of channels with at least one subscriber here. */
  get channelCount(): number {
    return this.topics.size;
  }
}
