import type { ServerFrame, ServerFrameOf } from '../contract.js';
import { ConnectionState, type StateEvent } from '../realtime/connection.js';
import type { ChannelSync } from './channel-sync.js';
import type { ClientContext } from './client-context.js';
import type { Outbox } from './outbox.js';
import type { ThreadSync } from './thread-sync.js';

export interface ClientParts {
  ctx: ClientContext;
  channels: ChannelSync;
  threads: ThreadSync;
  outbox: Outbox;
}

/**
 * Connects the connection's two events to the parts: on every `ready`, channels resubscribe,
 * then pending sends are written again, then open threads reload; every frame goes to its part.
 */
export function routeConnection(parts: ClientParts): void {
  const { ctx, channels, threads, outbox } = parts;
  let reconnected = false;
  ctx.conn.on('state', (event: StateEvent) => {
    const { state, code, reason } = event;
    ctx.store.set((s) => ({ ...s, connection: { state, code, reason } }));
    if (state === ConnectionState.Connected) {
      channels.onReady();
      outbox.flush();
      threads.onReady(reconnected);
      reconnected = true;
    } else if (event.previous === ConnectionState.Connected) channels.onOffline();
    ctx.events.emit('state', event);
  });
  ctx.conn.on('frame', (frame) => {
    routeFrame(parts, frame);
    ctx.events.emit('frame', frame);
  });
}

/** Every server frame type is handled here; a new one in the spec fails to compile. */
function routeFrame({ ctx, channels, threads, outbox }: ClientParts, frame: ServerFrame): void {
  switch (frame.type) {
    case 'ready':
      ctx.store.set((s) => ({ ...s, user: frame.user }));
      break;
    case 'subscribed':
      channels.onSubscribed(frame);
      break;
    case 'unsubscribed':
      channels.onUnsubscribed(frame.channelId);
      break;
    case 'message':
      channels.onMessage(frame.message);
      break;
    case 'reply':
      threads.onReply(frame.reply, true);
      break;
    case 'ack':
      outbox.onAck(frame);
      break;
    case 'typing':
      channels.onTyping(frame);
      ctx.events.emit('typing', frame);
      break;
    case 'presence':
      ctx.store.set((s) => ({ ...s, presence: { ...s.presence, [frame.userId]: frame.online } }));
      ctx.events.emit('presence', frame);
      break;
    case 'member':
      channels.onMember(frame);
      ctx.events.emit('member', frame);
      break;
    case 'read':
      channels.onRead(frame);
      ctx.events.emit('read', frame);
      break;
    case 'error':
      routeError({ ctx, channels, threads, outbox }, frame);
      break;
    case 'pong':
      break;
    default:
      frame satisfies never;
  }
}

/** An `error` frame: a failed send (by `client_msg_id`) or, without one, a refused subscribe. */
function routeError({ ctx, channels, outbox }: ClientParts, frame: ServerFrameOf<'error'>): void {
  const { type: _type, clientMsgId, ...error } = frame;
  if (clientMsgId !== undefined && outbox.onError(clientMsgId, error)) {
    ctx.events.emit('error', { ...error, clientMsgId });
    return;
  }
  const channelId = channels.onError(error);
  ctx.events.emit('error', channelId === undefined ? error : { ...error, channelId });
}
