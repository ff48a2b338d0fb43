import type { Config } from '../config.js';

/** The gRPC host API runs only when an admin secret is configured (PARLEY_ADMIN_SECRET). */
export function grpcEnabled<C extends Pick<Config, 'grpc'>>(
  config: C,
): config is C & { grpc: { port: number; adminSecret: string } } {
  return config.grpc.adminSecret !== undefined && config.grpc.adminSecret !== '';
}
