import type { ChatEvent } from '../../domain/events.js';
import { toWireMessage, toWireReply } from '../mappers.js';

/** The `parley.v1` frame of a bus event. */
export function toV1Frame(event: ChatEvent): object | undefined {
  switch (event.kind) {
    case 'message':
      return { type: 'message', message: toWireMessage(event.message) };
    case 'reply':
      return { type: 'reply', reply: toWireReply(event.reply) };
    case 'typing':
      return { type: 'typing', channel_id: event.channelId, user_id: event.userId, typing: event.typing };
    case 'presence':
      return { type: 'presence', channel_id: event.channelId, user_id: event.userId, online: event.online };
    case 'read':
      return { type: 'read', channel_id: event.channelId, user_id: event.userId, message_id: event.messageId };
    case 'member':
      return { type: 'member', channel_id: event.channelId, user_id: event.userId, joined: event.joined };
    default:
      return undefined;
  }
}

/**
 * The bytes of one event for each dialect, serialised at most once per event however many
 * sockets receive it.
 */
export class EventFrames {
  readonly event: ChatEvent;
  #v1: Buffer | undefined;
  #seed: Buffer | undefined;

  constructor(event: ChatEvent) {
    this.event = event;
  }

  get v1(): Buffer {
    this.#v1 ??= Buffer.from(JSON.stringify(toV1Frame(this.event)));
    return this.#v1;
  }

  /** The seed dialect's broadcast (`send message successfully`); messages and replies only. */
  get seed(): Buffer {
    if (!this.#seed) {
      const e = this.event;
      const data = e.kind === 'message' ? toWireMessage(e.message) : e.kind === 'reply' ? toWireReply(e.reply) : null;
      this.#seed = Buffer.from(JSON.stringify({ status: 'success', message: 'send message successfully', data }));
    }
    return this.#seed;
  }
}
