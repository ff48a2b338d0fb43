import type { ChatError, ChatMember, ChatMessage, ChatReply, ChatUser } from '../contract.js';
import { type ConnectionState, ConnectionState as States } from '../realtime/connection.js';
import type { MessageStatus } from './message-list.js';

/** A message as the UI shows it: confirmed (`sent`) or local (`pending`, `failed` with its error). */
export interface LocalMessage extends ChatMessage {
  status: MessageStatus;
  /** Why a `failed` send failed. */
  error?: ChatError;
}

export interface LocalReply extends ChatReply {
  status: MessageStatus;
  error?: ChatError;
}

/** One watched channel. `messageId` is `''` on local messages until the server acks them. */
export interface ChannelState {
  id: string;
  /** Subscribed on the current connection: live events flow. */
  live: boolean;
  /** Confirmed messages ascending by id (each once), then local ones in the order sent. */
  messages: readonly LocalMessage[];
  /** Older history exists on the server (`loadOlder`). */
  hasMore: boolean;
  /** A page of history is being loaded. */
  loading: boolean;
  /** User ids typing now (never the current user). */
  typing: readonly string[];
  /** The current user's read position, `''` when none. */
  readMessageId: string;
  /** Messages by others after the read position, as the server counts them (capped at 1000). */
  unreadCount: number;
  /** Other users' read positions, as seen in `read` events since watching. */
  reads: Readonly<Record<string, string>>;
  /** Set by `loadMembers`. */
  members?: readonly ChatMember[];
  /** The last failure for this channel (a refused subscribe, a failed page load). */
  error?: ChatError;
}

/** The replies of one message (a thread), loaded with `openThread`. */
export interface ThreadState {
  messageId: string;
  replies: readonly LocalReply[];
  hasMore: boolean;
  loading: boolean;
  error?: ChatError;
}

export interface ConnectionInfo {
  state: ConnectionState;
  /** The code of the last transition: a WebSocket close code or a `StateCode`. */
  code: number;
  reason: string;
}

/** Everything a UI renders, replaced (never mutated) on every change. */
export interface ChatState {
  connection: ConnectionInfo;
  /** The signed-in user, from `login` or the socket's `ready`. */
  user: ChatUser | undefined;
  channels: Readonly<Record<string, ChannelState>>;
  /** Threads by parent message id. */
  threads: Readonly<Record<string, ThreadState>>;
  /** Online state by user id, from `loadMembers` and `presence` events. */
  presence: Readonly<Record<string, boolean>>;
}

export function initialState(): ChatState {
  return {
    connection: { state: States.Disconnected, code: 0, reason: '' },
    user: undefined,
    channels: {},
    threads: {},
    presence: {},
  };
}

export function emptyChannel(id: string): ChannelState {
  return {
    id,
    live: false,
    messages: [],
    hasMore: true,
    loading: false,
    typing: [],
    readMessageId: '',
    unreadCount: 0,
    reads: {},
  };
}

export function emptyThread(messageId: string): ThreadState {
  return { messageId, replies: [], hasMore: true, loading: false };
}

/** The state with one channel replaced by `update(channel)` (created empty if missing). */
export function withChannel(state: ChatState, id: string, update: (channel: ChannelState) => ChannelState): ChatState {
  const current = state.channels[id] ?? emptyChannel(id);
  const next = update(current);
  if (next === current && state.channels[id]) return state;
  return { ...state, channels: { ...state.channels, [id]: next } };
}

/** The state with one thread replaced by `update(thread)` (created empty if missing). */
export function withThread(
  state: ChatState,
  messageId: string,
  update: (thread: ThreadState) => ThreadState,
): ChatState {
  const current = state.threads[messageId] ?? emptyThread(messageId);
  const next = update(current);
  if (next === current && state.threads[messageId]) return state;
  return { ...state, threads: { ...state.threads, [messageId]: next } };
}
