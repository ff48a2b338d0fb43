import type { Emitter } from '../emitter.js';
import type { ChatEvents } from '../events.js';
import type { Connection } from '../realtime/connection.js';
import type { RestClient } from '../rest-client.js';
import type { ChatState } from '../state/chat-state.js';
import type { Store } from '../state/store.js';

/** What the parts of a chat client share. */
export interface ClientContext {
  store: Store<ChatState>;
  conn: Connection;
  rest: RestClient;
  events: Emitter<ChatEvents>;
  pageSize: number;
  /** The signed-in user's id, `''` before it is known. */
  me(): string;
}
