export interface ReadStateStore {
  /** Moves the read position forward (never back). Returns the position now stored. */
  markRead(userId: string, channelId: string, messageId: string): Promise<string>;
  get(userId: string, channelId: string): Promise<string | undefined>;
}
