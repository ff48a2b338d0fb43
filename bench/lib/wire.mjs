/**
 * The three dialects the load generator speaks, reduced to what a fan-out benchmark needs:
 * where to connect, how to join channels, what a data frame looks like and how to send one.
 * Socket.IO is spoken as raw Engine.IO v4 frames, so every contender is driven by the same client
 * code (lib/mini-ws.mjs) and the client's own cost does not differ between them.
 */

/** Content marker: the sender's timestamp travels inside the message text. */
export const MARK = Buffer.from('@@t=');
const BAR = 0x7c; // '|'

/** The sender timestamp (ms) carried in a frame, or undefined when the frame carries none. */
export function stampOf(buf) {
  const i = buf.indexOf(MARK);
  if (i < 0) return undefined;
  const j = buf.indexOf(BAR, i + MARK.length);
  if (j < 0) return undefined;
  return Number(buf.latin1Slice(i + MARK.length, j));
}

/** Message text of about `bytes` characters carrying the send time. */
export function content(ts, bytes) {
  const head = `@@t=${ts.toFixed(3)}|`;
  return head + 'x'.repeat(Math.max(0, bytes - head.length));
}

export const DIALECTS = {
  parley: {
    path: '/api/message/ws',
    protocol: 'parley.v1',
    /** Frames to send once open. */
    hello: (spec) => [
      JSON.stringify({ type: 'auth', token: spec.token }),
      ...spec.channels.map((channel) => JSON.stringify({ type: 'subscribe', channel_id: channel })),
    ],
    /** Classifies a control frame: 'joined' | 'ready' | 'error' | reply text | undefined. */
    control(text) {
      const frame = JSON.parse(text);
      if (frame.type === 'subscribed') return { kind: 'joined' };
      if (frame.type === 'ready') return { kind: 'ready' };
      if (frame.type === 'error') return { kind: 'error', detail: `${frame.code}: ${frame.message}` };
      if (frame.type === 'ack') return { kind: 'ack' };
      return undefined;
    },
    send: (channel, text, id) =>
      JSON.stringify({ type: 'send', channel_id: channel, content: text, client_msg_id: id }),
    readyOnOpen: false,
  },
  ws: {
    path: '/',
    protocol: undefined,
    hello: (spec) => spec.channels.map((room) => JSON.stringify({ type: 'join', room })),
    control(text) {
      const frame = JSON.parse(text);
      if (frame.type === 'joined') return { kind: 'joined' };
      if (frame.type === 'ack') return { kind: 'ack' };
      return undefined;
    },
    send: (room, text, id) => JSON.stringify({ type: 'send', room, content: text, client_msg_id: id }),
    readyOnOpen: true,
  },
  socketio: {
    path: '/socket.io/?EIO=4&transport=websocket',
    protocol: undefined,
    /** Engine.IO open ('0{...}') is answered with a namespace connect; the joins wait for its answer. */
    hello: () => [],
    afterOpenPacket: () => ['40'],
    afterReady: (spec) => spec.channels.map((room) => `42${JSON.stringify(['join', room])}`),
    control(text) {
      if (text === '2') return { kind: 'ping', reply: '3' };
      if (text.startsWith('0{')) return { kind: 'eio-open' };
      if (text.startsWith('40')) return { kind: 'ready' };
      if (text.startsWith('42["joined"')) return { kind: 'joined' };
      if (text.startsWith('42["ack"')) return { kind: 'ack' };
      if (text.startsWith('44')) return { kind: 'error', detail: text };
      return undefined;
    },
    send: (room, text, id) => `42${JSON.stringify(['send', { room, content: text, client_msg_id: id }])}`,
    readyOnOpen: false,
  },
};

/** Where a dialect's sockets connect: `base` is the server's http://host:port. */
export function endpoint(dialect, base) {
  const url = new URL(base);
  return { host: url.hostname, port: Number(url.port), path: dialect.path, protocol: dialect.protocol };
}
