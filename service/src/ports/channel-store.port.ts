import type { Channel, Member } from '../domain/entities.js';

export interface ChannelStore {
  /** Creates the channel and makes its creator a member. */
  create(channel: Channel): Promise<void>;
  get(id: string): Promise<Channel | undefined>;
  /** All channels, newest first, strictly after the cursor key (`createdAt|id`). */
  list(after: string | undefined, limit: number): Promise<Channel[]>;
  listForUser(userId: string): Promise<Channel[]>;
  /** Adds a member; false when already a member. */
  addMember(channelId: string, userId: string, joinedAt: Date): Promise<boolean>;
  /** Removes a member; false when not a member. */
  removeMember(channelId: string, userId: string): Promise<boolean>;
  isMember(channelId: string, userId: string): Promise<boolean>;
  members(channelId: string): Promise<Member[]>;
}

/** The cursor key of a channel in the newest-first listing. */
export const channelListKey = (c: Channel): string => `${c.createdAt.getTime()}|${c.id}`;
