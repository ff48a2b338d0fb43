import { html, LitElement, type PropertyValues } from 'lit';
import { ChatController } from '../../controllers/chat-controller.js';
import { ChatErrorEvent } from '../../events/chat-error.js';
import { ChatPanel, ChatPanelToggleEvent } from '../../events/chat-panel-toggle.js';
import { hueOf, initialOf } from '../../lib/people.js';
import { avatarStyles } from '../../styles/avatar.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { memberListStyles } from './chat-member-list.styles.js';

/**
 * The members of a channel with their presence (online first), loaded when shown and kept
 * current by presence events.
 *
 * @tag chat-member-list
 *
 * @event chat-panel-toggle - The user closed the list (`ChatPanelToggleEvent`, panel `members`).
 * @event chat-error - The members failed to load (`ChatErrorEvent`).
 *
 * @csspart member - One member.
 * @csspart presence - A member's presence dot.
 */
export class ChatMemberList extends LitElement {
  static override styles = [sharedStyles, avatarStyles, memberListStyles];
  static override properties = { channelId: { attribute: 'channel-id' } };

  declare channelId: string;

  readonly #chat = new ChatController(this, (chat) => [
    chat.channels[this.channelId]?.members,
    chat.presence,
    chat.user,
  ]);

  constructor() {
    super();
    this.channelId = '';
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('channelId') || !this.channelId) return;
    void this.#chat.client?.loadMembers(this.channelId).then((error) => {
      if (error) this.dispatchEvent(new ChatErrorEvent({ ...error, channelId: this.channelId }));
    });
  }

  override render() {
    const { t, plural } = this.#chat.i18n;
    const { chat } = this.#chat;
    const online = (id: string) => chat.presence[id] === true;
    const members = [...(chat.channels[this.channelId]?.members ?? [])].sort(
      (a, b) => Number(online(b.userId)) - Number(online(a.userId)) || a.name.localeCompare(b.name),
    );
    return html`<section aria-labelledby="title">
      <header>
        <h2 id="title">${t('members')} <span class="muted">${plural('members', members.length)}</span></h2>
        <button class="ghost close" aria-label=${t('closeMembers')}
          @click=${() => this.dispatchEvent(new ChatPanelToggleEvent(ChatPanel.Members))}>✕</button>
      </header>
      <ul>
        ${members.map(
          (m) => html`<li part="member" class="member">
            <span class="avatar hue${hueOf(m.userId)}" aria-hidden="true">${initialOf(m.name)}</span>
            <span class="name">${m.name}${m.userId === chat.user?.id ? html` <span class="muted">(${t('you')})</span>` : ''}</span>
            <span part="presence" class="presence ${online(m.userId) ? 'on' : ''}">${online(m.userId) ? t('online') : t('offlineStatus')}</span>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}
