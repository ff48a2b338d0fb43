/** Entities of the chat domain. Ids: users and channels are UUIDs; messages and replies Snowflakes. */
export interface User {
  id: string;
  name: string;
  email: string;
  createdAt: Date;
}

export interface UserWithSecret extends User {
  /** `!` for users that cannot sign in with a password (issued by a host backend). */
  passwordHash: string;
  /** The host site's own id for a user issued over gRPC. */
  externalId?: string | undefined;
}

export interface Channel {
  id: string;
  name: string;
  /** The creator. */
  userId: string;
  createdAt: Date;
}

export interface Member {
  userId: string;
  name: string;
  joinedAt: Date;
}

export interface Message {
  messageId: string;
  channelId: string;
  userId: string;
  username: string;
  content: string;
  createdAt: Date;
  clientMsgId: string;
  replyCount: number;
}

export interface Reply {
  replyId: string;
  messageId: string;
  channelId: string;
  userId: string;
  username: string;
  content: string;
  createdAt: Date;
  clientMsgId: string;
}

/** Who is calling, as proven by a token. */
export interface Identity {
  userId: string;
  name: string;
  email: string;
  /** Token expiry (Unix seconds). */
  expiresAt: number;
}

export interface Page<T> {
  items: T[];
  /** `""` at the end. */
  nextCursor: string;
}

export const LIMITS = {
  contentMax: 4000,
  nameMax: 100,
  pageDefault: 10,
  pageMax: 100,
  channelPageDefault: 100,
  recoveryCap: 1000,
  /** Ids a resuming client may list as already held (`have`). */
  recoveryHaveMax: 1000,
  unreadCap: 1000,
} as const;
