/** `chat-thread-close` (inside the widget): the user closed the thread panel. */
export class ChatThreadCloseEvent extends Event {
  readonly messageId: string;

  constructor(messageId: string) {
    super('chat-thread-close', { bubbles: true });
    this.messageId = messageId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-thread-close': ChatThreadCloseEvent;
  }
}
