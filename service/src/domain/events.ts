import type { Message, Reply } from './entities.js';

/**
 * Events carried by the bus between instances. Every instance fans them out to its sockets.
 * `origin` names the socket that caused the event, so the seed dialect can skip the sender.
 */
export type ChatEvent =
  | { kind: 'message'; channelId: string; message: Message; origin?: string }
  | { kind: 'reply'; channelId: string; reply: Reply; origin?: string }
  | { kind: 'typing'; channelId: string; userId: string; typing: boolean }
  | { kind: 'presence'; channelId: string; userId: string; online: boolean }
  | { kind: 'read'; channelId: string; userId: string; messageId: string }
  | { kind: 'member'; channelId: string; userId: string; joined: boolean };

export type ChatEventKind = ChatEvent['kind'];
