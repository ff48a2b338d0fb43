/** Something whose reachability /readyz reports. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<boolean>;
}
