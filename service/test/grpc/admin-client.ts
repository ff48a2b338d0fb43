import {
  type ClientReadableStream,
  credentials,
  type GrpcObject,
  loadPackageDefinition,
  Metadata,
  type ServiceClientConstructor,
  type ServiceError,
  type StatusObject,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { StreamChannelEventsResponse } from '../../src/grpc/index.js';
import { PROTO_ROOT } from '../../src/grpc/index.js';
import { waitFor } from '../support/test-app.js';

/** A client built like a host backend builds one: its own load of the .proto, no server code. */
const definition = loadSync('parley/chat/v1/chat_admin_service.proto', {
  includeDirs: [PROTO_ROOT],
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const pkg = loadPackageDefinition(definition) as { parley: { chat: { v1: GrpcObject } } };
const ChatAdminService = pkg.parley.chat.v1.ChatAdminService as ServiceClientConstructor;
type ServiceClient = InstanceType<ServiceClientConstructor>;

export type Frame = StreamChannelEventsResponse & { frame?: string };

/** The frames of one `StreamChannelEvents` call, recorded for assertions. */
export class EventStream {
  readonly call: ClientReadableStream<Frame>;
  readonly frames: Frame[] = [];
  /** Resolves with the final status (the stream's `status` event). */
  readonly ended: Promise<StatusObject>;
  error: ServiceError | undefined;

  constructor(call: ClientReadableStream<Frame>) {
    this.call = call;
    call.on('data', (frame: Frame) => this.frames.push(frame));
    call.on('error', (err: ServiceError) => {
      this.error = err;
    });
    this.ended = new Promise((resolve) => call.on('status', resolve));
  }

  /** Message ids of the `message` events received, in order. */
  messageIds(): string[] {
    return this.frames.flatMap((f) => ('event' in f && 'message' in f.event ? [f.event.message.message_id] : []));
  }

  next(predicate: (f: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    return waitFor(() => this.frames.find(predicate), timeoutMs, 'stream frame');
  }

  cancel(): void {
    this.call.cancel();
  }
}

/** Promise-returning calls to `ChatAdminService`, with the admin secret as bearer metadata. */
export class AdminClient {
  readonly raw: ServiceClient;
  readonly #secret: string | undefined;

  constructor(address: string, secret: string | undefined) {
    this.raw = new ChatAdminService(address, credentials.createInsecure());
    this.#secret = secret;
  }

  metadata(): Metadata {
    const metadata = new Metadata();
    if (this.#secret !== undefined) metadata.set('authorization', `Bearer ${this.#secret}`);
    return metadata;
  }

  /** Calls a unary RPC; `metadata` replaces the default bearer metadata. */
  call<T = Record<string, unknown>>(method: string, request: object, metadata = this.metadata()): Promise<T> {
    const fn = this.raw[method] as (
      req: object,
      metadata: Metadata,
      options: { deadline: number },
      cb: (err: ServiceError | null, res: T) => void,
    ) => void;
    return new Promise((resolve, reject) => {
      fn.call(this.raw, request, metadata, { deadline: Date.now() + 10_000 }, (err, res) =>
        err ? reject(err) : resolve(res),
      );
    });
  }

  /** Opens `StreamChannelEvents`. */
  stream(request: { channel_id: string; since?: string; have?: string[] }): EventStream {
    const fn = this.raw.StreamChannelEvents as (req: object, metadata: Metadata) => ClientReadableStream<Frame>;
    return new EventStream(fn.call(this.raw, request, this.metadata()));
  }

  /** Opens a stream and waits for its `subscribed` frame. */
  async subscribe(request: { channel_id: string; since?: string; have?: string[] }): Promise<EventStream> {
    const stream = this.stream(request);
    await stream.next((f) => 'subscribed' in f);
    return stream;
  }

  close(): void {
    this.raw.close();
  }
}
