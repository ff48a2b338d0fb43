import { type logCreator, logLevel } from 'kafkajs';

export interface KafkaLog {
  warn(message: string, err?: unknown): void;
  info(message: string): void;
}

/**
 * Routes kafkajs's own error lines to Parley's log, each distinct line at most once a minute:
 * while a broker is down, kafkajs repeats the same connection error on every retry.
 */
export function kafkaLogCreator(log: KafkaLog | undefined, everyMs = 60_000): logCreator {
  const last = new Map<string, number>();
  return () =>
    ({ level, log: entry }) => {
      if (!log || level > logLevel.ERROR) return;
      const line = `kafkajs: ${entry.message}${entry.error ? `: ${String(entry.error)}` : ''}`;
      const now = Date.now();
      if (now - (last.get(line) ?? 0) < everyMs) return;
      if (last.size > 1000) last.clear();
      last.set(line, now);
      log.warn(line);
    };
}
