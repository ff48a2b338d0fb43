import type { ChatError } from '@parley/sdk';

/** What failed: the SDK's `ChatError`, with the channel or local message it concerns. */
export interface ChatErrorDetail extends ChatError {
  channelId?: string;
  clientMsgId?: string;
}

/**
 * `chat-error`: something failed (a send, a page load, a sign-in, the connection). The widget
 * never throws into the host page: failures arrive here and in its error region.
 */
export class ChatErrorEvent extends Event {
  readonly error: ChatErrorDetail;

  constructor(error: ChatErrorDetail) {
    super('chat-error', { bubbles: true, composed: true });
    this.error = error;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-error': ChatErrorEvent;
  }
}
