/** Which side panel a `chat-panel-toggle` concerns. */
export const ChatPanel = {
  Sidebar: 'sidebar',
  Members: 'members',
} as const;
export type ChatPanel = (typeof ChatPanel)[keyof typeof ChatPanel];

/** `chat-panel-toggle` (inside the widget): show or hide the channel list or the member list. */
export class ChatPanelToggleEvent extends Event {
  readonly panel: ChatPanel;

  constructor(panel: ChatPanel) {
    super('chat-panel-toggle', { bubbles: true });
    this.panel = panel;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-panel-toggle': ChatPanelToggleEvent;
  }
}
