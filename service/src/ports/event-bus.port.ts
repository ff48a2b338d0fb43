import type { ChatEvent } from '../domain/events.js';

export type EventHandler = (event: ChatEvent) => void;

/** Carries events between instances. The embedded bus is in-process; the cluster bus is Kafka. */
export interface EventBus {
  /**
   * Publishes an event. Resolves once it is handed to the bus (or its outbox). A message or reply
   * event published again (same id) is dropped by every instance that delivered it recently, so
   * a retried send can re-publish what a crashed instance stored and never published.
   */
  publish(event: ChatEvent): Promise<void>;
  /** Registers the handler that receives every event, from this instance and others. */
  subscribe(handler: EventHandler): () => void;
  ready(): Promise<boolean>;
  close(): Promise<void>;
}
