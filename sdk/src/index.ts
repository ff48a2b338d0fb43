/**
 * @parley/sdk: the typed client for Parley. One explicit list of exports; nothing here runs
 * at import time.
 */

export { type Camel, camelize, snakify } from './camelize.js';
export {
  type ChatClient,
  type ChatClientOptions,
  createChatClient,
  socketUrl,
} from './chat-client.js';
export { checkContent } from './client/outbox.js';
export type {
  ChatChannel,
  ChatError,
  ChatLogin,
  ChatMember,
  ChatMessage,
  ChatReply,
  ChatUser,
  ClientFrame,
  ClientFrameOf,
  ErrorCode,
  Result,
  ServerFrame,
  ServerFrameOf,
} from './contract.js';
export type { Emitter, Listener } from './emitter.js';
export type { ChatErrorEvent, ChatEvents } from './events.js';
export type { components, paths } from './gen/chat.js';
export { backoff } from './realtime/backoff.js';
export { CloseAction, CloseCode, closeAction, StateCode } from './realtime/codes.js';
export {
  Connection,
  type ConnectionEvents,
  type ConnectionOptions,
  ConnectionState,
  type StateEvent,
  SUBPROTOCOL,
  type WebSocketBase,
  type WebSocketConstructor,
} from './realtime/connection.js';
export { decodeFrame, encodeFrame } from './realtime/frame-codec.js';
export {
  authMiddleware,
  createRestClient,
  type FetchFunction,
  type RestClient,
  type RestClientOptions,
  settle,
} from './rest-client.js';
export type {
  ChannelState,
  ChatState,
  ConnectionInfo,
  LocalMessage,
  LocalReply,
  ThreadState,
} from './state/chat-state.js';
export { compareIds, MessageStatus } from './state/message-list.js';
export { createStore, type SelectOptions, type Store } from './state/store.js';
export { createTokenSource, type TokenProvider, type TokenSource, UnauthorizedError } from './token-source.js';
