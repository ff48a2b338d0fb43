import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentials, loadPackageDefinition, Metadata } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/** Parley's proto/ folder in this repository (copy it next to your backend in your own project). */
export const PROTO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../proto');

/**
 * A small promise-based client for Parley's `ChatAdminService`. Ids stay strings (message ids are
 * 64-bit Snowflakes), fields stay snake_case as in the .proto.
 *
 * @param {{ address: string; adminSecret: string; protoRoot?: string }} options
 */
export function createParleyAdminClient({ address, adminSecret, protoRoot = PROTO_ROOT }) {
  const definition = loadSync('parley/chat/v1/chat_admin_service.proto', {
    includeDirs: [protoRoot],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  const { ChatAdminService } = loadPackageDefinition(definition).parley.chat.v1;
  const client = new ChatAdminService(address, credentials.createInsecure());
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${adminSecret}`);

  /** Calls a unary RPC; rejects with the gRPC error (`code`, `details`). */
  const call = (method, request) =>
    new Promise((resolve, reject) => {
      client[method](request, metadata, { deadline: Date.now() + 10_000 }, (err, response) =>
        err ? reject(err) : resolve(response),
      );
    });

  return {
    issueUserToken: (request) => call('IssueUserToken', request),
    createChannel: (request) => call('CreateChannel', request),
    addMember: (request) => call('AddMember', request),
    postMessage: (request) => call('PostMessage', request),
    listMessages: (request) => call('ListMessages', request),
    close: () => client.close(),
  };
}
