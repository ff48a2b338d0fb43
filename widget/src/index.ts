/**
 * @parley/widget: `<chat-widget>` and its parts as classes (registering nothing; import
 * `@parley/widget/define` or call `defineChatElements()` for that). One explicit list.
 */

export { ChatChannelHeader } from './components/channel-header/chat-channel-header.js';
export { ChatChannelList } from './components/channel-list/chat-channel-list.js';
export { ChatComposer } from './components/composer/chat-composer.js';
export { BannerState, ChatConnectionBanner } from './components/connection-banner/chat-connection-banner.js';
export { ChatMemberList } from './components/member-list/chat-member-list.js';
export { ChatMessageList } from './components/message-list/chat-message-list.js';
export { ChatSignIn, SignInMode } from './components/sign-in/chat-sign-in.js';
export { ChatThreadPanel } from './components/thread-panel/chat-thread-panel.js';
export { ChatLayout, ChatTheme, ChatWidget } from './components/widget/chat-widget.js';
export { clientContext, directoryContext, i18nContext } from './context.js';
export { type Attach, ChatController, type Watch } from './controllers/chat-controller.js';
export { ChatChannelChangeEvent } from './events/chat-channel-change.js';
export { ChatChannelSelectEvent } from './events/chat-channel-select.js';
export { type ChatErrorDetail, ChatErrorEvent } from './events/chat-error.js';
export { ChatMessageSendEvent } from './events/chat-message-send.js';
export { ChatPanel, ChatPanelToggleEvent } from './events/chat-panel-toggle.js';
export { ChatReadyEvent } from './events/chat-ready.js';
export { ChatSessionEndEvent } from './events/chat-session-end.js';
export { ChatSessionStartEvent } from './events/chat-session-start.js';
export { ChatThreadCloseEvent } from './events/chat-thread-close.js';
export { ChatThreadOpenEvent } from './events/chat-thread-open.js';
export { en, type MessageKey, type Messages } from './i18n/en.js';
export { fr } from './i18n/fr.js';
export { registerLocale } from './i18n/locales.js';
export { createTranslator, type Translator } from './i18n/translator.js';
export { ChannelDirectory, type DirectoryState } from './lib/channel-directory.js';
export { linkify, type TextPart } from './lib/linkify.js';
export { chatElements, defineChatElements } from './registry.js';
