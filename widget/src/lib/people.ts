import type { ChannelState, ChatState } from '@parley/sdk';

/** The name of a user as this channel knows it: from its members, else from their messages. */
export function nameOf(channel: ChannelState | undefined, userId: string): string | undefined {
  const member = channel?.members?.find((m) => m.userId === userId);
  if (member) return member.name;
  const messages = channel?.messages ?? [];
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const m = messages[i];
    if (m?.userId === userId) return m.username;
  }
  return undefined;
}

/** Whether a user is online, as far as the client knows. */
export function isOnline(state: ChatState, userId: string): boolean {
  return state.presence[userId] === true;
}

/** A stable colour slot (0-7) for a user's avatar. */
export function hueOf(userId: string): number {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 8;
}

/** The first letter of a name, for an avatar. */
export function initialOf(name: string): string {
  return (Array.from(name.trim())[0] ?? '?').toUpperCase();
}
