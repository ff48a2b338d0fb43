export { ADMIN_SECRET_MIN_LENGTH } from './admin-auth.js';
export { SYSTEM_AUTHOR } from './chat-admin.handlers.js';
export { grpcEnabled } from './grpc-enabled.js';
export { buildGrpcServer, type GrpcServer, type GrpcServerOptions } from './grpc-server.js';
export {
  CHAT_ADMIN_PROTO,
  CHAT_ADMIN_SERVICE,
  loadChatAdminService,
  PROTO_LOADER_OPTIONS,
  PROTO_ROOT,
} from './proto-definition.js';
export { GRPC_STATUS_BY_CODE, type GrpcLogger, statusName } from './status.js';
export type {
  CreateChannelRequest,
  CreateChannelResponse,
  IssueUserTokenRequest,
  IssueUserTokenResponse,
  ListMessagesRequest,
  ListMessagesResponse,
  MembershipRequest,
  PostMessageRequest,
  PostMessageResponse,
  StreamChannelEventsRequest,
  StreamChannelEventsResponse,
  WireChannel,
  WireChannelEvent,
  WireMessage,
  WireReply,
  WireUser,
} from './wire-types.js';
