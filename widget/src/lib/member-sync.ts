import type { ChatClient } from '@parley/sdk';

/**
 * Keeps loaded member lists current: Parley announces no joins, so when someone the list does
 * not know writes, types or comes online in a channel, its members are loaded again (once at a
 * time per channel). Returns what stops it.
 */
export function keepMembersCurrent(client: ChatClient): () => void {
  const loading = new Set<string>();
  const seen = ({ channelId, userId }: { channelId: string; userId: string }) => {
    const members = client.store.get().channels[channelId]?.members;
    if (!members || loading.has(channelId) || members.some((m) => m.userId === userId)) return;
    loading.add(channelId);
    void client.loadMembers(channelId).finally(() => loading.delete(channelId));
  };
  const offs = [client.on('message', seen), client.on('presence', seen), client.on('typing', seen)];
  return () => {
    for (const off of offs) off();
  };
}
