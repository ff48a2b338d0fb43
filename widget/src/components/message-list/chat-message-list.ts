import type { ChannelState, ChatMessage } from '@parley/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ChatController } from '../../controllers/chat-controller.js';
import { ChatThreadOpenEvent } from '../../events/chat-thread-open.js';
import { nameOf } from '../../lib/people.js';
import { continues, itemKey, messageItem } from '../../render/message-item.js';
import { messageItemStyles } from '../../render/message-item.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { messageListStyles } from './chat-message-list.styles.js';

/** How close to an edge (px) counts as being at it. */
const EDGE = 48;
/** New messages by others kept in the live region. */
const ANNOUNCED = 3;

interface Snapshot {
  channelId: string;
  first: string;
  count: number;
  height: number;
  top: number;
  atBottom: boolean;
}

/**
 * The messages of one channel: the newest at the bottom, older pages loaded by scrolling up
 * (the scroll position is kept), a loading and an empty state, who is typing, and pending and
 * failed sends with Retry. Screen readers hear new messages from others through a polite log
 * region; older pages and the first load are not announced.
 *
 * @tag chat-message-list
 *
 * @slot empty - Shown when the channel has no messages yet.
 *
 * @event chat-thread-open - The user asked for a message's thread (`ChatThreadOpenEvent`).
 *
 * @csspart scroller - The scrolling region.
 * @csspart message - One message.
 * @csspart message-author - The author's name.
 * @csspart message-time - The local time of a message.
 * @csspart message-content - The text of a message.
 * @csspart message-actions - The Reply action of a message.
 * @csspart loading - The loading indicators.
 * @csspart empty - The empty state.
 * @csspart typing - The typing indicator.
 */
export class ChatMessageList extends LitElement {
  static override styles = [sharedStyles, messageItemStyles, messageListStyles];
  static override properties = {
    channelId: { attribute: 'channel-id' },
    channelName: { attribute: 'channel-name' },
    announcements: { state: true },
  };

  declare channelId: string;
  declare channelName: string;
  /** The newest messages from others, read out by the log region.
   * @internal
   */
  declare announcements: readonly string[];

  readonly #chat = new ChatController(
    this,
    (chat) => [chat.channels[this.channelId], chat.presence, chat.user],
    (client) => client.on('message', (m) => this.#announce(m)),
  );
  /** What was on screen at the last render, and where it was scrolled. */
  #before: Snapshot = { channelId: '', first: '', count: 0, height: 0, top: 0, atBottom: true };

  constructor() {
    super();
    this.channelId = '';
    this.channelName = '';
    this.announcements = [];
  }

  get #channel(): ChannelState | undefined {
    return this.#chat.chat.channels[this.channelId];
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('.scroller');
  }

  /** Focuses the Reply action of a message (where focus goes back when its thread closes). */
  focusThreadButton(messageId: string): boolean {
    const button = this.renderRoot.querySelector<HTMLElement>(`[data-thread="${CSS.escape(messageId)}"]`);
    button?.focus();
    return button !== null;
  }

  /** The scroll metrics of what is on screen, read before the DOM changes. */
  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channelId')) this.announcements = [];
    const el = this.#scroller;
    if (!el) return;
    this.#before = {
      ...this.#before,
      height: el.scrollHeight,
      top: el.scrollTop,
      atBottom: el.scrollHeight - el.scrollTop - el.clientHeight < EDGE,
    };
  }

  /**
   * Keeps the view where the reader expects it: at the bottom for a new channel, a first page
   * or new messages while at the bottom (or one's own); on the same message when older ones
   * were added above.
   */
  override updated(): void {
    const el = this.#scroller;
    if (!el) return;
    const before = this.#before;
    const messages = this.#channel?.messages ?? [];
    const first = messages[0] ? itemKey(messages[0]) : '';
    const last = messages.at(-1);
    const mine = last?.status === 'pending' && last.userId === this.#chat.chat.user?.id;
    if (before.channelId !== this.channelId || before.count === 0) {
      el.scrollTop = el.scrollHeight;
    } else if (first !== before.first && messages.length > before.count && !before.atBottom) {
      el.scrollTop = before.top + (el.scrollHeight - before.height);
    } else if (before.atBottom || mine) {
      el.scrollTop = el.scrollHeight;
    }
    this.#before = { ...before, channelId: this.channelId, first, count: messages.length };
    this.#afterScroll();
  }

  override render() {
    const { t } = this.#chat.i18n;
    const channel = this.#channel;
    const name = this.channelName;
    return html`<div part="scroller" class="scroller" tabindex="0" role="region"
        aria-label=${t('messagesIn', { name })} @scroll=${this.#afterScroll}>
        ${this.#top(channel)} ${this.#body(channel)}
      </div>
      <p part="typing" class="typing">${this.#typing(channel)}</p>
      <div class="sr-only" role="log" aria-live="polite" aria-label=${t('newMessages')}>
        ${this.announcements.map((text) => html`<p>${text}</p>`)}
      </div>`;
  }

  #top(channel: ChannelState | undefined) {
    const { t } = this.#chat.i18n;
    if (!channel?.messages.length) return nothing;
    if (channel.loading) return html`<p part="loading" class="loading" role="status">${t('loadingOlder')}</p>`;
    if (!channel.hasMore) return html`<p class="beginning muted">${t('beginning', { name: this.channelName })}</p>`;
    return html`<p class="loading"></p>`;
  }

  #body(channel: ChannelState | undefined) {
    const { t } = this.#chat.i18n;
    const messages = channel?.messages ?? [];
    if (channel?.error && !messages.length) return html`<p class="notice" role="alert">${channel.error.message}</p>`;
    if (!messages.length && (!channel || channel.loading || channel.hasMore)) {
      return html`<p part="loading" class="notice loading" role="status"><span class="spinner"></span>${t('loading')}</p>`;
    }
    if (!messages.length) {
      return html`<div part="empty" class="notice empty"><slot name="empty">${t('empty')}</slot></div>`;
    }
    const { presence } = this.#chat.chat;
    const options = {
      i18n: this.#chat.i18n,
      onThread: (id: string) => this.dispatchEvent(new ChatThreadOpenEvent(id)),
      onRetry: (id: string) => this.#chat.client?.retry(id),
      onDiscard: (id: string) => this.#chat.client?.discard(id),
    };
    return html`<ol class="list" aria-label=${t('messagesIn', { name: this.channelName })}>
      ${repeat(messages, itemKey, (m, i) =>
        messageItem(m, { ...options, online: presence[m.userId] === true, compact: continues(messages[i - 1], m) }),
      )}
    </ol>`;
  }

  #typing(channel: ChannelState | undefined): string {
    const { t } = this.#chat.i18n;
    const names = (channel?.typing ?? []).map((id) => nameOf(channel, id) ?? t('someone'));
    const [a, b] = names;
    if (!a) return '';
    if (!b) return t('typing1', { a });
    return names.length === 2 ? t('typing2', { a, b }) : t('typingMany');
  }

  /** Loads older messages near the top; marks the channel read at the bottom. */
  #afterScroll(): void {
    const el = this.#scroller;
    const channel = this.#channel;
    const client = this.#chat.client;
    if (!el || !channel || !client) return;
    if (el.scrollTop < EDGE * 2 && channel.hasMore && !channel.loading && channel.messages.length > 0) {
      void client.loadOlder(this.channelId);
    }
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < EDGE;
    if (atBottom && channel.live && channel.unreadCount > 0 && document.visibilityState === 'visible') {
      client.markRead(this.channelId);
    }
  }

  #announce(message: ChatMessage): void {
    if (message.channelId !== this.channelId || message.userId === this.#chat.chat.user?.id) return;
    this.announcements = [...this.announcements, `${message.username}: ${message.content}`].slice(-ANNOUNCED);
  }
}
