/** `chat-channel-select` (inside the widget): the user picked a channel in the list. */
export class ChatChannelSelectEvent extends Event {
  readonly channelId: string;

  constructor(channelId: string) {
    super('chat-channel-select', { bubbles: true });
    this.channelId = channelId;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-channel-select': ChatChannelSelectEvent;
  }
}
