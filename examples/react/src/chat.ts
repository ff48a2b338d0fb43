import { createComponent, type EventName } from '@lit/react';
import {
  type ChatChannelChangeEvent,
  type ChatErrorEvent,
  type ChatMessageSendEvent,
  type ChatReadyEvent,
  ChatWidget,
} from '@parley/widget';
import '@parley/widget/define';
import * as React from 'react';

/** `<chat-widget>` as a React component: properties as props, the widget's events as `on*` props. */
export const Chat = createComponent({
  tagName: 'chat-widget',
  elementClass: ChatWidget,
  react: React,
  events: {
    onReady: 'chat-ready' as EventName<ChatReadyEvent>,
    onMessageSend: 'chat-message-send' as EventName<ChatMessageSendEvent>,
    onChannelChange: 'chat-channel-change' as EventName<ChatChannelChangeEvent>,
    onChatError: 'chat-error' as EventName<ChatErrorEvent>,
  },
});
