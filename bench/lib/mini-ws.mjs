import { connect } from 'node:net';

/**
 * A minimal WebSocket client (RFC 6455) for the load generator: a raw TCP socket, a fixed
 * handshake, unfragmented text frames out (masked with a zero key, which servers accept), and a
 * frame parser that hands payloads over without copying. It costs a fraction of the `ws` client
 * per connection and per frame, so the client processes load the 2-core box less and the servers
 * get more of it. It does no UTF-8 validation and no compression (none is negotiated).
 */

const KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const HEADER_END = Buffer.from('\r\n\r\n');
const ZERO_MASK = Buffer.alloc(4);

/** A client frame: FIN + opcode, masked length, a zero mask (payload left as is). */
function frame(opcode, payload) {
  const len = payload.length;
  let head;
  if (len < 126) {
    head = Buffer.allocUnsafe(2);
    head[1] = 0x80 | len;
  } else if (len < 65536) {
    head = Buffer.allocUnsafe(4);
    head[1] = 0x80 | 126;
    head.writeUInt16BE(len, 2);
  } else {
    head = Buffer.allocUnsafe(10);
    head[1] = 0x80 | 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  head[0] = 0x80 | opcode;
  return Buffer.concat([head, ZERO_MASK, payload]);
}

/**
 * Opens a WebSocket. `handlers.open()`, `handlers.message(buf)` (a view valid only during the
 * call), `handlers.close(code)`. Returns { send(text), close(), destroy(), readyState }.
 */
export function openWebSocket({ host = '127.0.0.1', port, path = '/', protocol }, handlers) {
  const socket = connect({ host, port, noDelay: true });
  let state = 0; // 0 connecting, 1 open, 3 closed
  let pending = null;
  let fragments = null;
  let closedCode = 1006;

  const api = {
    get readyState() {
      return state;
    },
    get bufferedAmount() {
      return socket.writableLength;
    },
    send(text) {
      if (state === 1) socket.write(frame(0x1, Buffer.from(text)));
    },
    close() {
      if (state === 1) socket.end(frame(0x8, Buffer.from([0x03, 0xe8])));
      state = 3;
    },
    destroy() {
      state = 3;
      socket.destroy();
    },
  };

  socket.on('connect', () => {
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${KEY}\r\nSec-WebSocket-Version: 13\r\n` +
        (protocol ? `Sec-WebSocket-Protocol: ${protocol}\r\n` : '') +
        '\r\n',
    );
  });

  const parse = (buf) => {
    let off = 0;
    while (buf.length - off >= 2) {
      const b0 = buf[off];
      let len = buf[off + 1] & 0x7f;
      let at = off + 2;
      if (len === 126) {
        if (buf.length - off < 4) break;
        len = buf.readUInt16BE(off + 2);
        at = off + 4;
      } else if (len === 127) {
        if (buf.length - off < 10) break;
        len = Number(buf.readBigUInt64BE(off + 2));
        at = off + 10;
      }
      if (buf.length - at < len) break;
      const payload = buf.subarray(at, at + len);
      off = at + len;
      const opcode = b0 & 0x0f;
      const fin = (b0 & 0x80) !== 0;
      if (opcode === 0x1 || opcode === 0x2 || opcode === 0x0) {
        if (!fin || fragments) {
          fragments = fragments ? [...fragments, Buffer.from(payload)] : [Buffer.from(payload)];
          if (!fin) continue;
          const whole = Buffer.concat(fragments);
          fragments = null;
          handlers.message?.(whole);
        } else {
          handlers.message?.(payload);
        }
      } else if (opcode === 0x9) {
        socket.write(frame(0xa, Buffer.from(payload)));
      } else if (opcode === 0x8) {
        closedCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
        if (state === 1) socket.end(frame(0x8, Buffer.from(payload.subarray(0, 2))));
        state = 3;
      }
    }
    return off;
  };

  socket.on('data', (chunk) => {
    let buf = pending ? Buffer.concat([pending, chunk]) : chunk;
    pending = null;
    if (state === 0) {
      const end = buf.indexOf(HEADER_END);
      if (end < 0) {
        pending = buf;
        return;
      }
      const head = buf.latin1Slice(0, end);
      if (!/^HTTP\/1\.1 101/.test(head)) {
        closedCode = Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 1002);
        socket.destroy();
        return;
      }
      state = 1;
      handlers.open?.();
      buf = buf.subarray(end + 4);
    }
    const used = parse(buf);
    if (used < buf.length) pending = Buffer.from(buf.subarray(used));
  });
  socket.on('error', (err) => handlers.error?.(err));
  socket.on('close', () => {
    state = 3;
    handlers.close?.(closedCode);
  });
  return api;
}
