/** `chat-session-start` (inside the widget): the sign-in form got a token. */
export class ChatSessionStartEvent extends Event {
  readonly token: string;

  constructor(token: string) {
    super('chat-session-start', { bubbles: true });
    this.token = token;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-session-start': ChatSessionStartEvent;
  }
}
