/** `chat-session-end` (inside the widget): the user signed out. */
export class ChatSessionEndEvent extends Event {
  constructor() {
    super('chat-session-end', { bubbles: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-session-end': ChatSessionEndEvent;
  }
}
