/** Something whose reachability /readyz reports. */
export interface HealthCheck {
  readonly name: string;
  /**
   * True when losing it only degrades service (the Redis cache: reads go to the store, presence
   * is off): /readyz then answers 200 `degraded` instead of 503, so a load balancer keeps routing.
   */
  readonly degradesOnly?: boolean;
  check(): Promise<boolean>;
}
