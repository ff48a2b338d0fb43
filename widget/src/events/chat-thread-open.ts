/** `chat-thread-open` (inside the widget): the user asked for a message's thread. */
export class ChatThreadOpenEvent extends Event {
  readonly messageId: string;

  constructor(messageId: string) {
    super('chat-thread-open', { bubbles: true });
    this.messageId = messageId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-thread-open': ChatThreadOpenEvent;
  }
}
