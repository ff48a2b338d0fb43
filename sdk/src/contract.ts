/**
 * The SDK's view of openapi/chat.yaml: every type here is derived from the generated
 * `gen/chat.ts`, so a contract change the SDK does not follow fails to compile.
 */
import type { Camel } from './camelize.js';
import type * as wire from './gen/chat.js';

/** A `parley.v1` frame the client sends (camelCase). */
export type ClientFrame = Camel<wire.ClientFrame>;
/** A `parley.v1` frame the server sends (camelCase). */
export type ServerFrame = Camel<wire.ServerFrame>;
/** The client frame of one `type`. */
export type ClientFrameOf<T extends ClientFrame['type']> = Extract<ClientFrame, { type: T }>;
/** The server frame of one `type`. */
export type ServerFrameOf<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

export type ChatUser = Camel<wire.User>;
export type ChatLogin = Camel<wire.LoginResult>;
export type ChatChannel = Camel<wire.Channel>;
export type ChatMember = Camel<wire.Member>;
export type ChatMessage = Camel<wire.Message>;
export type ChatReply = Camel<wire.Reply>;
export type ErrorCode = wire.ErrorCode;
export type WireCloseCode = wire.CloseCode;

/** A failure as data: the REST failure envelope or an `error` frame, without its `status`/`type`. */
export type ChatError = Omit<Camel<wire.Failure>, 'status'>;

/** What SDK calls that can fail return: never thrown for a status. */
export type Result<T> = { data: T; error?: undefined } | { data?: undefined; error: ChatError };
