import type { ChatError, ChatMessage, ChatReply, ServerFrame, ServerFrameOf } from './contract.js';
import type { StateEvent } from './realtime/connection.js';

/** A failure the client met on its own (an `error` frame, a background page load). */
export interface ChatErrorEvent extends ChatError {
  /** The local message or reply that failed. */
  clientMsgId?: string;
  /** The channel whose subscribe or history load failed. */
  channelId?: string;
}

/** The client's typed events (`client.on(name, listener)`). */
export interface ChatEvents {
  /** The connection changed state: `{state, previous, code, reason}`. */
  state: StateEvent;
  /** A message new to this client, live or recovered after a reconnect (each id once). */
  message: ChatMessage;
  /** A reply broadcast to a watched channel. */
  reply: ChatReply;
  typing: ServerFrameOf<'typing'>;
  presence: ServerFrameOf<'presence'>;
  read: ServerFrameOf<'read'>;
  /** A user joined or left a watched channel (its `members`, when loaded, follow). */
  member: ServerFrameOf<'member'>;
  error: ChatErrorEvent;
  /** Every frame from the server, for what the state does not cover. */
  frame: ServerFrame;
}
