/**
 * The entry of the embeddable `chat-widget.js`: SDK, Lit and the widget in one file that
 * defines the tags when loaded (`<script type="module" src=".../chat-widget.js">`).
 */
import './define.js';

export { createChatClient } from '@parley/sdk';
export { ChatWidget } from './components/widget/chat-widget.js';
export { ChatChannelChangeEvent } from './events/chat-channel-change.js';
export { ChatErrorEvent } from './events/chat-error.js';
export { ChatMessageSendEvent } from './events/chat-message-send.js';
export { ChatReadyEvent } from './events/chat-ready.js';
