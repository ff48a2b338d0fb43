/** Who is online, across instances. Connections are tracked per user. */
export interface Presence {
  /** Registers a connection; true when it is the user's first. */
  connect(userId: string, connectionId: string): Promise<boolean>;
  /** Removes a connection; true when it was the user's last. */
  disconnect(userId: string, connectionId: string): Promise<boolean>;
  /** The subset of `userIds` that are online. */
  online(userIds: readonly string[]): Promise<Set<string>>;
  /** Marks a user typing in a channel until `ttlMs` passes; true when they were not already. */
  startTyping(channelId: string, userId: string, ttlMs: number): Promise<boolean>;
  /** Clears a typing mark; true when one was set (even if it has just expired). */
  stopTyping(channelId: string, userId: string): Promise<boolean>;
  close(): Promise<void>;
}
