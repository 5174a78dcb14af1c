import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Build-time replacements for five modules of `@supabase/realtime-js` (and, below, for a few methods of three more)
 * that a browser widget which only uses broadcast channels never needs, but which RealtimeClient/RealtimeChannel
 * import, so no bundler can drop them:
 *
 * - `lib/websocket-factory.js` finds a WebSocket in Node, Deno, Bun, edge runtimes…; in a browser it is always
 *   `globalThis.WebSocket`.
 * - `lib/serializer.js` encodes vsn 2.0.0 frames (binary broadcasts); our socket asks for vsn 1.0.0, JSON frames.
 * - `RealtimePostgresFilterBuilder.js` and `lib/transformers.js` (but its `httpEndpointURL`) serve
 *   `postgres_changes`, which the widget never listens to; a conversion, if ever called, throws.
 * - `RealtimePresence.js` (with phoenix's `Presence` and realtime-js's `presenceAdapter` behind it) syncs presence
 *   state; our channels never track presence (src/transport/createRealtimeConnector.ts: broadcast only, and the
 *   server only sends presence to channels that enable it), so the stub keeps `channel.presenceState()` as `{}`.
 *
 * Each replacement checks the original file still has the shape it replaces (its exports and the members the rest
 * of realtime-js uses) and the build fails if it does not, or if the file is never loaded (realtime-js moved it):
 * an upgrade fails loudly here instead of shipping a broken socket.
 */
/** `httpEndpointURL` of lib/transformers.js: from its `export const` to the end of its arrow function. */
const httpEndpoint = /export const httpEndpointURL = \(socketUrl\) => \{\n[\s\S]*?\n\};\n/;

const shims: { file: RegExp; expect: RegExp[]; code: string | ((original: string) => string) }[] = [
  {
    file: /[\\/]@supabase[\\/]realtime-js[\\/]dist[\\/]module[\\/]lib[\\/]websocket-factory\.js$/,
    expect: [/static getWebSocketConstructor\(\)/, /static isWebSocketSupported\(\)/, /export default WebSocketFactory;/, /export class WebSocketFactory\b/],
    code: `// Replaced at build time (scripts/realtimeShims.ts): in a browser the WebSocket is the page's own.
export class WebSocketFactory {
  static getWebSocketConstructor() {
    if (typeof WebSocket === 'undefined') throw new Error('WebSocket not supported in this environment.');
    return WebSocket;
  }
  static isWebSocketSupported() {
    return typeof WebSocket !== 'undefined';
  }
}
export default WebSocketFactory;
`,
  },
  {
    file: /[\\/]@supabase[\\/]realtime-js[\\/]dist[\\/]module[\\/]RealtimePresence\.js$/,
    expect: [/export default class RealtimePresence\b/, /get state\(\)/, /export var REALTIME_PRESENCE_LISTEN_EVENTS;/, /"SYNC"\] = "sync"/],
    code: `// Replaced at build time (scripts/realtimeShims.ts): the widget's channels never track presence.
export var REALTIME_PRESENCE_LISTEN_EVENTS = { SYNC: 'sync', JOIN: 'join', LEAVE: 'leave' };
export default class RealtimePresence {
  constructor(channel) {
    this.channel = channel;
    this.state = {};
  }
}
`,
  },
  {
    file: /[\\/]@supabase[\\/]realtime-js[\\/]dist[\\/]module[\\/]lib[\\/]serializer\.js$/,
    expect: [/export default class Serializer\b/, /\n    encode\(msg, callback\) \{/, /\n    decode\(rawPayload, callback\) \{/],
    code: `// Replaced at build time (scripts/realtimeShims.ts): the widget's socket speaks vsn 1.0.0 (JSON frames,
// src/transport/createRealtimeConnector.ts), so the vsn 2.0.0 binary serializer is never used.
export default class Serializer {
  encode() {
    throw new Error('TinyChat: the vsn 2.0.0 serializer is not included in this build');
  }
  decode() {
    throw new Error('TinyChat: the vsn 2.0.0 serializer is not included in this build');
  }
}
`,
  },
  {
    file: /[\\/]@supabase[\\/]realtime-js[\\/]dist[\\/]module[\\/]RealtimePostgresFilterBuilder\.js$/,
    expect: [/export class RealtimePostgresFilterBuilder\b/, /export const postgresChangesFilter = \(\) => new RealtimePostgresFilterBuilder\(\);/],
    code: `// Replaced at build time (scripts/realtimeShims.ts): the widget never listens to postgres_changes.
export class RealtimePostgresFilterBuilder {}
export const postgresChangesFilter = () => new RealtimePostgresFilterBuilder();
`,
  },
  {
    file: /[\\/]@supabase[\\/]realtime-js[\\/]dist[\\/]module[\\/]lib[\\/]transformers\.js$/,
    expect: [/export const convertChangeData = /, httpEndpoint],
    code: (original) => `// Replaced at build time (scripts/realtimeShims.ts): postgres_changes payloads (the only users of the type
// conversions) never reach the widget; httpEndpointURL is the original's, copied as it is.
export const convertChangeData = () => {
  throw new Error('TinyChat: postgres_changes type conversion is not included in this build');
};
${httpEndpoint.exec(original)?.[0] ?? ''}
`,
  },
];

/**
 * Methods of RealtimeChannel, RealtimeClient and phoenix's Socket the widget never calls (nor anything they call):
 * sending over the channel or the REST broadcast endpoint (we send through our REST API), presence tracking, the
 * Web Worker heartbeat (off unless `worker: true`), removeAllChannels, phoenix's long-poll fallback. Each body
 * becomes a throw, so a future caller finds out at once; each must be found exactly once, as `[async ]name(args) {`
 * at class level (its file's indent) ending at the next `}` line at that indent, or the build fails.
 */
const stubbed: { file: RegExp; methods: string[]; indent?: string }[] = [
  { file: /[\\/]@supabase[\\/]realtime-js[\\/]dist[\\/]module[\\/]RealtimeChannel\.js$/, methods: ['send', 'httpSend', '_fetchWithTimeout', 'track', 'untrack', 'presenceState'] },
  { file: /[\\/]@supabase[\\/]realtime-js[\\/]dist[\\/]module[\\/]RealtimeClient\.js$/, methods: ['_startWorkerHeartbeat', '_workerObjectUrl', 'removeAllChannels'] },
  // phoenix's Socket: the long-poll fallback (only with `longPollFallbackMs`, which realtime-js never passes) and
  // what only it uses. LongPoll itself is gone (trimPhoenix.ts).
  {
    file: /[\\/]@supabase[\\/]phoenix[\\/]priv[\\/]static[\\/]phoenix\.mjs$/,
    methods: ['connectWithFallback', 'replaceTransport', 'getLongPollTransport', 'ping', 'getSession', 'storeSession'],
    indent: '  ',
  },
];

/** The file with each named method's body replaced by a throw; a list of what was not found exactly once. */
function stubMethods(code: string, methods: readonly string[], indent = '    '): { code: string; missing: string[] } {
  const missing: string[] = [];
  for (const name of methods) {
    const head = new RegExp(`\\n${indent}(async )?${name}\\(([^)\\n]*)\\) \\{\\n`, 'g');
    const found = [...code.matchAll(head)];
    const match = found[0];
    const end = match === undefined ? -1 : code.indexOf(`\n${indent}}\n`, match.index);
    if (found.length !== 1 || match === undefined || end < 0) {
      missing.push(name);
      continue;
    }
    const stub = `\n${indent}${match[1] ?? ''}${name}(${match[2]}) {\n${indent}${indent}throw new Error('TinyChat: realtime ${name}() is not included in this build');`;
    code = code.slice(0, match.index) + stub + code.slice(end);
  }
  return { code, missing };
}

export function realtimeShims(): Plugin {
  const seen = new Set<RegExp>();
  return {
    name: 'tinychat:realtime-shims',
    apply: 'build',
    buildStart() {
      seen.clear();
    },
    load(id) {
      const path = id.split('?')[0] ?? id;
      const shim = shims.find((s) => s.file.test(path));
      if (shim === undefined) return null;
      seen.add(shim.file);
      const original = readFileSync(path, 'utf8');
      const missing = shim.expect.filter((pattern) => !pattern.test(original));
      if (missing.length > 0) this.error(`realtimeShims: ${path} changed (no ${missing.join(', ')}); update scripts/realtimeShims.ts or remove it from vite.config.ts`);
      return { code: typeof shim.code === 'string' ? shim.code : shim.code(original), map: null };
    },
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      const target = stubbed.find((s) => s.file.test(path));
      if (target === undefined) return null;
      seen.add(target.file);
      const result = stubMethods(code, target.methods, target.indent);
      if (result.missing.length > 0) this.error(`realtimeShims: ${path} changed (${result.missing.join(', ')} not found once as a class method); update scripts/realtimeShims.ts`);
      return { code: result.code, map: null };
    },
    buildEnd(error) {
      if (error !== undefined) return;
      for (const { file } of [...shims, ...stubbed]) if (!seen.has(file)) this.error(`realtimeShims: ${file} was never loaded; has realtime-js moved it?`);
    },
  };
}
