import {
  type ChatChannel,
  type ChatClient,
  type ChatError,
  camelize,
  createStore,
  type Store,
  settle,
} from '@parley/sdk';

/** The channels a user can see: every channel, and the ones they belong to. */
export interface DirectoryState {
  all: readonly ChatChannel[];
  mine: readonly ChatChannel[];
  /** True once both lists have loaded. */
  loaded: boolean;
  loading: boolean;
  error?: ChatError;
}

/** Pages of `GET /api/channel` read at most (100 channels each). */
const MAX_PAGES = 10;

/**
 * The channel lists and membership changes, on the client's REST API. Joining watches the
 * channel (live messages, unread counts); leaving unwatches it. Failures come back as data.
 */
export class ChannelDirectory {
  readonly store: Store<DirectoryState> = createStore<DirectoryState>({
    all: [],
    mine: [],
    loaded: false,
    loading: false,
  });
  readonly #client: ChatClient;
  #refreshedAt = 0;

  constructor(client: ChatClient) {
    this.#client = client;
  }

  byId(id: string): ChatChannel | undefined {
    const { all, mine } = this.store.get();
    return mine.find((c) => c.id === id) ?? all.find((c) => c.id === id);
  }

  isMember(id: string): boolean {
    return this.store.get().mine.some((c) => c.id === id);
  }

  /** Reloads the lists unless they were loaded (or are loading) within `maxAgeMs`. */
  refreshIfStale(maxAgeMs: number): Promise<ChatError | undefined> {
    return Date.now() - this.#refreshedAt < maxAgeMs ? Promise.resolve(undefined) : this.refresh();
  }

  /** Reloads both lists, then watches every channel the user belongs to. */
  async refresh(): Promise<ChatError | undefined> {
    this.#refreshedAt = Date.now();
    this.store.set((s) => ({ ...s, loading: true }));
    const [all, mine] = await Promise.all([this.#all(), settle(this.#client.rest.GET('/api/user/channel'))]);
    const error = all.error ?? mine.error;
    if (error) {
      this.store.set((s) => ({ ...s, loading: false, error }));
      return error;
    }
    const mineList = camelize(mine.data?.data ?? []);
    this.store.set({ all: all.data ?? [], mine: mineList, loaded: true, loading: false });
    for (const channel of mineList) this.#client.watch(channel.id);
    return undefined;
  }

  /** Creates a channel (the creator joins it) and watches it. */
  async create(name: string): Promise<{ channel?: ChatChannel; error?: ChatError }> {
    const result = await settle(this.#client.rest.POST('/api/channel', { body: { name } }));
    if (result.error) return { error: result.error };
    const channel = camelize(result.data.data);
    this.store.set((s) => ({ ...s, all: [channel, ...s.all], mine: [channel, ...s.mine] }));
    this.#client.watch(channel.id);
    return { channel };
  }

  async join(id: string): Promise<ChatError | undefined> {
    const result = await settle(this.#client.rest.POST('/api/channel/join', { body: { channel_id: id } }));
    if (result.error && result.error.code !== 'conflict') return result.error;
    const channel = this.byId(id);
    if (channel && !this.isMember(id)) this.store.set((s) => ({ ...s, mine: [...s.mine, channel] }));
    this.#client.watch(id);
    return undefined;
  }

  async leave(id: string): Promise<ChatError | undefined> {
    const result = await settle(this.#client.rest.POST('/api/channel/leave', { body: { channel_id: id } }));
    if (result.error) return result.error;
    this.#client.unwatch(id);
    this.store.set((s) => ({ ...s, mine: s.mine.filter((c) => c.id !== id) }));
    return undefined;
  }

  async #all(): Promise<{ data?: ChatChannel[]; error?: ChatError }> {
    const channels: ChatChannel[] = [];
    let cursor = '';
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const query = cursor ? { cursor, limit: 100 } : { limit: 100 };
      const result = await settle(this.#client.rest.GET('/api/channel', { params: { query } }));
      if (result.error) return { error: result.error };
      channels.push(...camelize(result.data.data));
      cursor = result.data.next_cursor ?? '';
      if (!cursor) break;
    }
    return { data: channels };
  }
}
