import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/**
 * The repository's proto/ folder (from service/src/grpc and service/dist/grpc alike); the
 * Dockerfile copies it to the same place relative to service/dist.
 */
export const PROTO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../proto');
export const CHAT_ADMIN_PROTO = 'parley/chat/v1/chat_admin_service.proto';
export const CHAT_ADMIN_SERVICE = 'parley.chat.v1.ChatAdminService';

/** The options every Parley gRPC peer loads the protos with: snake_case, 64-bit ints as strings. */
export const PROTO_LOADER_OPTIONS = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

/** Loads `ChatAdminService` from the .proto files at run time (no generated code). */
export function loadChatAdminService(protoRoot: string = PROTO_ROOT): ServiceDefinition {
  const definition = loadSync(CHAT_ADMIN_PROTO, { ...PROTO_LOADER_OPTIONS, includeDirs: [protoRoot] });
  const service = definition[CHAT_ADMIN_SERVICE];
  if (!service || !('IssueUserToken' in service)) throw new Error(`${CHAT_ADMIN_SERVICE} not found in ${protoRoot}`);
  return service as ServiceDefinition;
}
