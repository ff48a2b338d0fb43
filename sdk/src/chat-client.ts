import { camelize } from './camelize.js';
import { ChannelSync } from './client/channel-sync.js';
import type { ClientContext } from './client/client-context.js';
import { routeConnection } from './client/frame-router.js';
import { Outbox } from './client/outbox.js';
import { ThreadSync } from './client/thread-sync.js';
import type { ChatError, ChatLogin, Result } from './contract.js';
import { createEmitter, type Listener } from './emitter.js';
import type { ChatEvents } from './events.js';
import type { LoginRequest } from './gen/chat.js';
import { Connection, type WebSocketConstructor } from './realtime/connection.js';
import { createRestClient, type FetchFunction, type RestClient, settle } from './rest-client.js';
import { type ChatState, initialState } from './state/chat-state.js';
import { createStore, type Store } from './state/store.js';
import { createTokenSource, type TokenProvider } from './token-source.js';

export interface ChatClientOptions {
  /** The Parley server, e.g. `https://chat.example.com`. */
  url: string;
  /** A token, or a provider called when one is needed (first connect, after 4401 or a 401). */
  token?: string | TokenProvider;
  /** Required in Node 20 (`import WebSocket from 'ws'`); defaults to `globalThis.WebSocket`. */
  WebSocket?: WebSocketConstructor;
  /** Defaults to `globalThis.fetch`. */
  fetch?: FetchFunction;
  /** Defaults to `url` with a `ws(s):` scheme and `/api/message/ws`. */
  wsUrl?: string;
  /** Messages and replies per history page (default 50, at most 100). */
  pageSize?: number;
  /** At most one `typing` frame per channel per interval (default 3000 ms). */
  typingThrottleMs?: number;
  /** Reconnect backoff bounds (full jitter; default 500 ms to 20 s). */
  minReconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** Idle time before the client pings (default 25 s). */
  pingIntervalMs?: number;
  /** How long `ready` or a `pong` may take before the socket counts as dead (default 10 s). */
  timeoutMs?: number;
}

/** The Parley client: a realtime connection, its state as a store, and the typed REST client. */
export interface ChatClient {
  /** Everything a UI renders; `store.select(selector, listener)` to follow a part of it. */
  readonly store: Store<ChatState>;
  /** The typed REST client (wire shapes; failures as data). */
  readonly rest: RestClient;
  on<K extends keyof ChatEvents>(event: K, listener: Listener<ChatEvents[K]>): () => void;
  /** Signs in with e-mail and password; the token is kept for REST and the socket. */
  login(credentials: LoginRequest): Promise<Result<ChatLogin>>;
  connect(): void;
  disconnect(): void;
  /** Follows a channel: subscribes (and resubscribes after every reconnect) and loads its newest page. */
  watch(channelId: string): void;
  unwatch(channelId: string): void;
  /** Loads the page before the oldest loaded message. */
  loadOlder(channelId: string): Promise<ChatError | undefined>;
  /** Sends optimistically; returns the `clientMsgId` of the local (pending) message. */
  send(channelId: string, content: string): string;
  /** Sends a failed message or reply again, with the same id. */
  retry(clientMsgId: string): boolean;
  /** Drops a local (pending or failed) message or reply. */
  discard(clientMsgId: string): boolean;
  /** Call on every keystroke: throttled. */
  typing(channelId: string): void;
  /** Moves the read position forward, by default to the newest message. */
  markRead(channelId: string, messageId?: string): void;
  /** Loads the members and their online state (then kept current by `presence` events). */
  loadMembers(channelId: string): Promise<ChatError | undefined>;
  /** Loads a message's newest replies and keeps them current. */
  openThread(messageId: string): Promise<ChatError | undefined>;
  loadOlderReplies(messageId: string): Promise<ChatError | undefined>;
  closeThread(messageId: string): void;
  /** Replies optimistically; returns the `clientMsgId`. */
  reply(messageId: string, content: string): string;
}

/** The socket URL of a server URL: `https://host/x` -> `wss://host/x/api/message/ws`. */
export function socketUrl(url: string): string {
  return `${url.replace(/^http/, 'ws').replace(/\/+$/, '')}/api/message/ws`;
}

/** Creates a client. Touches no global until `connect` (or a REST call) needs one. */
export function createChatClient(options: ChatClientOptions): ChatClient {
  const tokens = createTokenSource(options.token);
  const rest = createRestClient({ baseUrl: options.url, fetch: options.fetch, tokens });
  const conn = new Connection({ ...options, url: options.wsUrl ?? socketUrl(options.url), tokens });
  const store = createStore(initialState());
  const events = createEmitter<ChatEvents>();
  const ctx: ClientContext = {
    store,
    conn,
    rest,
    events,
    pageSize: options.pageSize ?? 50,
    me: () => store.get().user?.id ?? '',
  };
  const channels = new ChannelSync(ctx, options.typingThrottleMs ?? 3000);
  const threads = new ThreadSync(ctx, channels);
  const outbox = new Outbox(ctx, channels, threads);
  routeConnection({ ctx, channels, threads, outbox });

  return {
    store,
    rest,
    on: (event, listener) => events.on(event, listener),
    async login(credentials) {
      const result = await settle(rest.POST('/api/login', { body: credentials }));
      if (result.error) return result;
      const login = camelize(result.data.data);
      const { token, ...user } = login;
      tokens.set(token);
      store.set((s) => ({ ...s, user }));
      return { data: login };
    },
    connect: () => conn.connect(),
    disconnect: () => conn.disconnect(),
    watch: (id) => channels.watch(id),
    unwatch: (id) => channels.unwatch(id),
    loadOlder: (id) => channels.loadOlder(id),
    send: (id, content) => outbox.send(id, content),
    retry: (clientMsgId) => outbox.retry(clientMsgId),
    discard: (clientMsgId) => outbox.discard(clientMsgId),
    typing: (id) => channels.typing(id),
    markRead: (id, messageId) => channels.markRead(id, messageId),
    loadMembers: (id) => channels.loadMembers(id),
    openThread: (messageId) => threads.open(messageId),
    loadOlderReplies: (messageId) => threads.loadOlder(messageId),
    closeThread: (messageId) => threads.close(messageId),
    reply: (messageId, content) => outbox.reply(messageId, content),
  };
}
