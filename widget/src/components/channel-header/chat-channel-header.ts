import { html, LitElement, nothing } from 'lit';
import { ChatController } from '../../controllers/chat-controller.js';
import { ChatErrorEvent } from '../../events/chat-error.js';
import { ChatPanel, ChatPanelToggleEvent } from '../../events/chat-panel-toggle.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { channelHeaderStyles } from './chat-channel-header.styles.js';

/**
 * The title row of a channel: its name, the member count (which opens the member list) and
 * Leave. In a narrow widget it also has the button that shows the channel list.
 *
 * @tag chat-channel-header
 *
 * @event chat-panel-toggle - Show or hide the member list or the channel list (`ChatPanelToggleEvent`).
 * @event chat-error - Leaving failed (`ChatErrorEvent`).
 *
 * @csspart title - The channel name.
 * @csspart members-button - The member count button.
 * @csspart leave-button - The Leave button.
 */
export class ChatChannelHeader extends LitElement {
  static override styles = [sharedStyles, channelHeaderStyles];
  static override properties = {
    channelId: { attribute: 'channel-id' },
    channelName: { attribute: 'channel-name' },
    membersOpen: { type: Boolean, attribute: 'members-open' },
    sidebar: { type: Boolean },
  };

  declare channelId: string;
  declare channelName: string;
  /** The member list is shown (sets `aria-expanded` on its button). */
  declare membersOpen: boolean;
  /** Offer the button that shows the channel list (narrow layouts). */
  declare sidebar: boolean;

  readonly #chat = new ChatController(this, (chat, directory) => [chat.channels[this.channelId]?.members, directory]);

  constructor() {
    super();
    this.channelId = '';
    this.channelName = '';
    this.membersOpen = false;
    this.sidebar = false;
  }

  override render() {
    const { t, plural } = this.#chat.i18n;
    const member = this.#chat.directory?.isMember(this.channelId) ?? false;
    const count = this.#chat.chat.channels[this.channelId]?.members?.length;
    return html`${
      this.sidebar
        ? html`<button class="ghost menu" @click=${() => this.dispatchEvent(new ChatPanelToggleEvent(ChatPanel.Sidebar))}>
            <span aria-hidden="true">☰</span> ${t('showChannels')}
          </button>`
        : nothing
    }
      <h2 part="title"><span class="hash" aria-hidden="true">#</span>${this.channelName}</h2>
      ${
        member && this.channelId
          ? html`<button part="members-button" class="ghost" aria-expanded=${this.membersOpen ? 'true' : 'false'}
                @click=${() => this.dispatchEvent(new ChatPanelToggleEvent(ChatPanel.Members))}>
                ${count === undefined ? t('members') : plural('members', count)}
              </button>
              <button part="leave-button" class="ghost" aria-label=${t('leaveChannel', { name: this.channelName })}
                @click=${this.#leave}>${t('leave')}</button>`
          : nothing
      }`;
  }

  async #leave(): Promise<void> {
    const error = await this.#chat.directory?.leave(this.channelId);
    if (error) this.dispatchEvent(new ChatErrorEvent({ ...error, channelId: this.channelId }));
  }
}
