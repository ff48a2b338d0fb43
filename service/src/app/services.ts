import type { EventBus } from '../ports/event-bus.port.js';
import type { HealthCheck } from '../ports/health-check.port.js';
import type { Metrics } from '../ports/metrics.port.js';
import type { AuthService } from './auth-service.js';
import type { ChannelService } from './channel-service.js';
import type { Membership } from './membership.js';
import type { MessageService } from './message-service.js';
import type { RealtimeService } from './realtime-service.js';

/** Everything the delivery layers (HTTP, WebSocket, gRPC) may use. Built by compose.ts. */
export interface Services {
  auth: AuthService;
  channels: ChannelService;
  messages: MessageService;
  realtime: RealtimeService;
  membership: Membership;
  bus: EventBus;
  health: HealthCheck[];
  metrics: Metrics;
  /** Cluster mode: the Redis client (ioredis) for the shared rate-limit store; opaque to the app. */
  rateLimitRedis?: unknown;
  /** Closes stores, bus and caches (after delivery has stopped). */
  close(): Promise<void>;
}
