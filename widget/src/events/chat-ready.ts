import type { ChatUser } from '@parley/sdk';

/** `chat-ready`: the widget is connected and signed in (once per session). */
export class ChatReadyEvent extends Event {
  readonly user: ChatUser;

  constructor(user: ChatUser) {
    super('chat-ready', { bubbles: true, composed: true });
    this.user = user;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-ready': ChatReadyEvent;
  }
}
