import type { Metrics } from '../../src/ports/metrics.port.js';

/** Records the two numbers the Kafka bus reports, for assertions; ignores the rest. */
export function recordingMetrics(): Pick<Metrics, 'consumerLag' | 'outboxDepth'> & {
  outboxDepths: number[];
  lags: Map<number, number>;
} {
  const outboxDepths: number[] = [];
  const lags = new Map<number, number>();
  return {
    outboxDepths,
    lags,
    consumerLag: (partition, lag) => lags.set(partition, lag),
    outboxDepth: (depth) => outboxDepths.push(depth),
  };
}
