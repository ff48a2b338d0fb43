/** WebSocket dialects, as labels. */
export type Dialect = 'v1' | 'seed';

/** Outcomes of a send (message or reply), as labels. */
export type SendOutcome = 'stored' | 'duplicate' | 'rejected' | 'failed';

/**
 * What Parley measures (`parley_*` metrics). Delivery layers and the composition root record;
 * `/metrics` renders. The embedded and cluster deployments export the same names.
 */
export interface Metrics {
  httpRequest(route: string, method: string, status: number, seconds: number): void;
  socketOpened(dialect: Dialect): void;
  socketClosed(dialect: Dialect): void;
  frameIn(dialect: Dialect, type: string): void;
  framesOut(count: number): void;
  send(kind: 'message' | 'reply', outcome: SendOutcome): void;
  /** From the message's creation (stored) to its frame being written to local sockets. */
  fanOut(seconds: number): void;
  busPublish(seconds: number, ok: boolean): void;
  consumerLag(partition: number, lag: number): void;
  store(operation: string, seconds: number, ok: boolean): void;
  outboxDepth(depth: number): void;
  recovery(recovered: number, gap: boolean): void;
  grpcCall(method: string, code: string, seconds: number): void;
  /** The Prometheus text exposition. */
  render(): Promise<{ contentType: string; body: string }>;
}
