/** An event record waiting for the bus, as the bus will send it. */
export interface JournalEntry {
  /** Orders entries as they were published (increasing within a process and across its restarts). */
  seq: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/**
 * Durable storage for the bus's outbox while the bus is unreachable: what an instance could not
 * publish survives the instance, and its successor (same instance id) publishes it first.
 */
export interface OutboxJournal {
  /** Records entries not published yet. */
  append(entries: readonly JournalEntry[]): Promise<void>;
  /** Forgets entries that were published. */
  remove(seqs: readonly string[]): Promise<void>;
  /** What a previous process with this instance id left, oldest first. */
  leftovers(): Promise<JournalEntry[]>;
}
