import type { Message, Reply } from './entities.js';

/**
 * Events carried by the bus between instances. Every instance fans them out to its sockets.
 * `origin` names the socket that caused the event, so the seed dialect can skip the sender.
 * `repeat` marks an item published again for a retried send: the retrying socket has it from
 * its ack and is skipped; everyone else gets it unless their instance already delivered it.
 */
export type ChatEvent =
  | { kind: 'message'; channelId: string; message: Message; origin?: string; repeat?: true }
  | { kind: 'reply'; channelId: string; reply: Reply; origin?: string; repeat?: true }
  | { kind: 'typing'; channelId: string; userId: string; typing: boolean }
  | { kind: 'presence'; channelId: string; userId: string; online: boolean }
  | { kind: 'read'; channelId: string; userId: string; messageId: string }
  | { kind: 'member'; channelId: string; userId: string; joined: boolean };

export type ChatEventKind = ChatEvent['kind'];

/** The identity of a stored item's event, for dropping re-published duplicates; undefined for the rest. */
export function eventKey(event: ChatEvent): string | undefined {
  if (event.kind === 'message') return `m:${event.message.messageId}`;
  if (event.kind === 'reply') return `r:${event.reply.replyId}`;
  return undefined;
}
