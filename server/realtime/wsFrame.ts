const FIN = 0x80;
const OPCODE_TEXT = 0x1;
const OPCODE_BINARY = 0x2;

/**
 * A complete unmasked (server-to-client) WebSocket frame around `payload` (RFC 6455 §5.2). Built once per
 * broadcast, the same bytes are written to every subscriber's socket, instead of ws framing them again for each.
 */
export function wsFrame(payload: Buffer, binary: boolean): Buffer {
  const len = payload.length;
  const headerLen = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const out = Buffer.allocUnsafe(headerLen + len);
  out[0] = FIN | (binary ? OPCODE_BINARY : OPCODE_TEXT);
  if (len < 126) {
    out[1] = len;
  } else if (len < 65536) {
    out[1] = 126;
    out.writeUInt16BE(len, 2);
  } else {
    out[1] = 127;
    out.writeBigUInt64BE(BigInt(len), 2);
  }
  payload.copy(out, headerLen);
  return out;
}
