import { ChatChannelHeader } from './components/channel-header/chat-channel-header.js';
import { ChatChannelList } from './components/channel-list/chat-channel-list.js';
import { ChatComposer } from './components/composer/chat-composer.js';
import { ChatConnectionBanner } from './components/connection-banner/chat-connection-banner.js';
import { ChatMemberList } from './components/member-list/chat-member-list.js';
import { ChatMessageList } from './components/message-list/chat-message-list.js';
import { ChatSignIn } from './components/sign-in/chat-sign-in.js';
import { ChatThreadPanel } from './components/thread-panel/chat-thread-panel.js';
import { ChatWidget } from './components/widget/chat-widget.js';

/** Every element of the widget by tag. */
export const chatElements = {
  'chat-widget': ChatWidget,
  'chat-sign-in': ChatSignIn,
  'chat-channel-list': ChatChannelList,
  'chat-channel-header': ChatChannelHeader,
  'chat-connection-banner': ChatConnectionBanner,
  'chat-message-list': ChatMessageList,
  'chat-composer': ChatComposer,
  'chat-thread-panel': ChatThreadPanel,
  'chat-member-list': ChatMemberList,
} as const;

/**
 * Registers the elements (sub-elements before `chat-widget`, so its parts upgrade as it
 * renders). Safe to call twice, and next to another copy of the widget: a tag already
 * defined is left alone. Does nothing where there is no `customElements` (SSR).
 */
export function defineChatElements(registry: CustomElementRegistry | undefined = globalThis.customElements): void {
  if (!registry) return;
  const entries = Object.entries(chatElements).reverse();
  for (const [tag, element] of entries) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-widget': ChatWidget;
    'chat-sign-in': ChatSignIn;
    'chat-channel-list': ChatChannelList;
    'chat-channel-header': ChatChannelHeader;
    'chat-connection-banner': ChatConnectionBanner;
    'chat-message-list': ChatMessageList;
    'chat-composer': ChatComposer;
    'chat-thread-panel': ChatThreadPanel;
    'chat-member-list': ChatMemberList;
  }
}
