import type { Plugin } from 'vite';

/**
 * Build-time trim of `@supabase/phoenix` (the socket under supabase-js's RealtimeClient): its `LongPoll`
 * transport and the XHR/fetch `Ajax` helper behind it are dead code for a browser widget (phoenix only falls
 * back to long polling where `WebSocket` does not exist, and we never ask for it), but `Socket` references them,
 * so no bundler can drop them. This replaces the two classes with what `Socket` still uses (`Ajax.serialize`
 * and `Ajax.appendParams`, copied from the file as they are) and a `LongPoll` that throws if anything ever
 * constructs it; and phoenix's default serializer (realtime-js always brings its own) with one that throws.
 *
 * It matches exact text of one file of one dependency: when an upgrade changes that text the build fails here
 * with the reason, rather than shipping the code quietly again or a broken socket.
 */
export function trimPhoenix(): Plugin {
  const file = /[\\/]@supabase[\\/]phoenix[\\/]priv[\\/]static[\\/]phoenix\.mjs$/;
  let seen = false;
  return {
    name: 'tinychat:trim-phoenix',
    apply: 'build',
    buildStart() {
      seen = false;
    },
    transform: {
      filter: { id: file },
      handler(code, id) {
        seen = true;
        const start = code.indexOf('// js/phoenix/ajax.js\nvar Ajax = class {');
        const end = code.indexOf('// js/phoenix/presence.js\n');
        const serialize = code.indexOf('  static serialize(obj, parentKey) {', start);
        const appendParams = code.indexOf('  static appendParams(url, params) {', start);
        const longPoll = code.indexOf('// js/phoenix/longpoll.js\n', start);
        const ok = start >= 0 && end > start && serialize > start && appendParams > serialize && longPoll > appendParams && longPoll < end;
        if (!ok) this.error(`trimPhoenix: ${id} no longer has the expected Ajax/LongPoll layout; update scripts/trimPhoenix.ts or remove it from vite.config.ts`);
        // serialize and appendParams are the last two methods of Ajax; the class ends where longpoll.js starts.
        const helpers = code.slice(serialize, longPoll);
        if (!/^\s*\};\s*$/m.test(helpers.slice(-8)) || /\bstatic (request|fetchRequest|xhrRequest|parseJSON)\b/.test(helpers)) {
          this.error('trimPhoenix: Ajax.serialize/appendParams are no longer the last methods of Ajax; update scripts/trimPhoenix.ts');
        }
        const replacement =
          `// Ajax and LongPoll removed at build time (scripts/trimPhoenix.ts)\nvar Ajax = class {\n${helpers}\n` +
          'var LongPoll = class {\n  constructor() {\n    throw new Error("TinyChat: phoenix LongPoll is not included in this build");\n  }\n};\n\n';
        let trimmed = code.slice(0, start) + replacement + code.slice(end);
        // Phoenix's own message serializer is only the Socket's default: realtime-js always passes its encode and
        // decode (RealtimeClient `_initializeOptions`, for either protocol version), and LongPoll, which forced it,
        // is gone above.
        const serializer = trimmed.indexOf('// js/phoenix/serializer.js\nvar serializer_default = {');
        const socket = trimmed.indexOf('// js/phoenix/socket.js\nvar Socket = class {');
        const uses = trimmed.match(/serializer_default\.(\w+)/g) ?? [];
        if (serializer < 0 || socket < serializer || uses.some((u) => !/\.(encode|decode)$/.test(u))) {
          this.error(`trimPhoenix: ${id} no longer has the expected serializer layout; update scripts/trimPhoenix.ts`);
        }
        trimmed =
          trimmed.slice(0, serializer) +
          '// Serializer removed at build time (scripts/trimPhoenix.ts)\nvar serializer_default = {\n  encode() {\n    throw new Error("TinyChat: phoenix default serializer is not included in this build");\n  },\n  decode() {\n    throw new Error("TinyChat: phoenix default serializer is not included in this build");\n  }\n};\n\n' +
          trimmed.slice(socket);
        return { code: trimmed, map: null };
      },
    },
    buildEnd(error) {
      if (error === undefined && !seen) this.error('trimPhoenix: @supabase/phoenix/priv/static/phoenix.mjs was never transformed; has realtime-js stopped using it?');
    },
  };
}
