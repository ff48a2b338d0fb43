/**
 * `chat-message-send`: the user sends a message (or a reply, with `threadId`). Cancelable:
 * `preventDefault()` keeps it from being sent (the text stays in the composer).
 */
export class ChatMessageSendEvent extends Event {
  readonly channelId: string;
  readonly content: string;
  /** The parent message id when this is a reply in a thread, else `''`. */
  readonly threadId: string;

  constructor(init: { channelId: string; content: string; threadId?: string }) {
    super('chat-message-send', { bubbles: true, composed: true, cancelable: true });
    this.channelId = init.channelId;
    this.content = init.content;
    this.threadId = init.threadId ?? '';
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-message-send': ChatMessageSendEvent;
  }
}
