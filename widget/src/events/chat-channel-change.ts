/** `chat-channel-change`: the channel shown changed (`channelId` is `''` when none is). */
export class ChatChannelChangeEvent extends Event {
  readonly channelId: string;
  readonly name: string;

  constructor(channelId: string, name: string) {
    super('chat-channel-change', { bubbles: true, composed: true });
    this.channelId = channelId;
    this.name = name;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-channel-change': ChatChannelChangeEvent;
  }
}
