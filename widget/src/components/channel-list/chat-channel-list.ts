import type { ChatChannel } from '@parley/sdk';
import { html, LitElement, nothing } from 'lit';
import { ChatController } from '../../controllers/chat-controller.js';
import { ChatChannelSelectEvent } from '../../events/chat-channel-select.js';
import { ChatErrorEvent } from '../../events/chat-error.js';
import { ChatSessionEndEvent } from '../../events/chat-session-end.js';
import { hueOf, initialOf } from '../../lib/people.js';
import { avatarStyles } from '../../styles/avatar.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { channelListStyles } from './chat-channel-list.styles.js';

/** How old the channel lists may be when the user turns to them. */
const FRESH_MS = 1000;

/**
 * The sidebar: the channels the user belongs to (with unread badges), the other channels,
 * "+ Add channel", and who is signed in with a Sign out button. Parley does not push new
 * channels, so the lists are reloaded when the pointer or the focus comes to the sidebar.
 *
 * @tag chat-channel-list
 *
 * @event chat-channel-select - The user picked a channel (`ChatChannelSelectEvent`).
 * @event chat-session-end - The user signed out (`ChatSessionEndEvent`).
 * @event chat-error - Creating a channel failed (`ChatErrorEvent`).
 *
 * @csspart channel - A channel button.
 * @csspart channel-badge - The unread count of a channel.
 * @csspart add-button - The "+ Add channel" button.
 * @csspart account - The signed-in user and the Sign out button.
 */
export class ChatChannelList extends LitElement {
  static override styles = [sharedStyles, avatarStyles, channelListStyles];
  static override properties = {
    activeId: { attribute: 'active-id' },
    adding: { state: true },
    busy: { state: true },
    problem: { state: true },
  };

  /** The channel shown now (marked `aria-current`). */
  declare activeId: string;
  /** @internal */
  declare adding: boolean;
  /** @internal */
  declare busy: boolean;
  /** @internal */
  declare problem: string;

  readonly #chat = new ChatController(this, (chat, directory) => [directory, chat.channels, chat.user]);

  constructor() {
    super();
    this.activeId = '';
    this.adding = false;
    this.busy = false;
    this.problem = '';
    const refresh = () => void this.#chat.directory?.refreshIfStale(FRESH_MS);
    this.addEventListener('pointerenter', refresh);
    this.addEventListener('focusin', refresh);
  }

  override render() {
    const { t } = this.#chat.i18n;
    const directory = this.#chat.channels;
    const mine = directory?.mine ?? [];
    const others = (directory?.all ?? []).filter((c) => !mine.some((m) => m.id === c.id));
    const user = this.#chat.chat.user;
    return html`<div part="account" class="account">
        <span class="avatar hue${hueOf(user?.id ?? '')}" aria-hidden="true">${initialOf(user?.name ?? '')}</span>
        <span class="me" title=${user ? t('signedInAs', { name: user.name }) : ''}>${user?.name ?? ''}</span>
        <button class="subtle" @click=${() => this.dispatchEvent(new ChatSessionEndEvent())}>${t('signOut')}</button>
      </div>
      <nav aria-label=${t('channels')}>
        <h2 id="mine">${t('myChannels')}</h2>
        ${this.#list('mine', mine, directory?.loaded ?? false)}
        ${this.adding ? this.#form() : html`<button part="add-button" class="add ghost" @click=${this.#startAdding}>+ ${t('addChannel')}</button>`}
        <h2 id="others">${t('otherChannels')}</h2>
        ${this.#list('others', others, directory?.loaded ?? false)}
      </nav>`;
  }

  #list(id: string, channels: readonly ChatChannel[], loaded: boolean) {
    const { t } = this.#chat.i18n;
    if (!channels.length) return html`<p class="none muted">${loaded ? t('noChannels') : t('loadingChannels')}</p>`;
    return html`<ul aria-labelledby=${id}>
      ${channels.map((channel) => html`<li>${this.#item(channel)}</li>`)}
    </ul>`;
  }

  #item(channel: ChatChannel) {
    const { plural } = this.#chat.i18n;
    const active = channel.id === this.activeId;
    const unread = active ? 0 : (this.#chat.chat.channels[channel.id]?.unreadCount ?? 0);
    return html`<button part="channel" class="channel ${unread ? 'unread' : ''}" aria-current=${active ? 'page' : 'false'}
      @click=${() => this.dispatchEvent(new ChatChannelSelectEvent(channel.id))}>
      <span class="hash" aria-hidden="true">#</span><span class="name">${channel.name}</span>
      ${unread ? html`<span part="channel-badge" class="badge"><span aria-hidden="true">${unread > 99 ? '99+' : unread}</span><span class="sr-only">${plural('unread', unread)}</span></span>` : nothing}
    </button>`;
  }

  #form() {
    const { t } = this.#chat.i18n;
    return html`<form class="new" @submit=${this.#create}>
      <input name="name" aria-label=${t('channelName')} placeholder=${t('channelName')} required maxlength="100"
        autocomplete="off" aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby="problem"
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#stopAdding()} />
      <p id="problem" class="problem" role="alert">${this.problem}</p>
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('create')}</button>
        <button type="button" class="ghost" @click=${this.#stopAdding}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  async #startAdding(): Promise<void> {
    this.adding = true;
    this.problem = '';
    await this.updateComplete;
    this.renderRoot.querySelector('input')?.focus();
  }

  async #stopAdding(): Promise<void> {
    this.adding = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.add')?.focus();
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const directory = this.#chat.directory;
    const input = this.renderRoot.querySelector('input');
    const name = input?.value.trim() ?? '';
    if (!directory || !name || this.busy) return;
    this.busy = true;
    const { channel, error } = await directory.create(name);
    this.busy = false;
    if (error) {
      this.problem = error.message;
      this.dispatchEvent(new ChatErrorEvent(error));
      return;
    }
    this.adding = false;
    if (channel) this.dispatchEvent(new ChatChannelSelectEvent(channel.id));
  }
}
