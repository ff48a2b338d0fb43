import type { ChatClient, LocalMessage } from '@parley/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ChatController } from '../../controllers/chat-controller.js';
import { ChatThreadCloseEvent } from '../../events/chat-thread-close.js';
import { continues, itemKey, messageItem } from '../../render/message-item.js';
import { messageItemStyles } from '../../render/message-item.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import type { ChatComposer } from '../composer/chat-composer.js';
import { threadPanelStyles } from './chat-thread-panel.styles.js';

/**
 * The thread of one message: the message, its replies (newest at the bottom, older ones paged
 * in on demand, kept live) and a composer for replies. Opening it focuses the reply box;
 * Escape or the close button closes it.
 *
 * @tag chat-thread-panel
 *
 * @event chat-thread-close - The user closed the thread (`ChatThreadCloseEvent`).
 * @event chat-message-send - From its composer, before a reply is sent.
 *
 * @csspart header - The title row with the close button.
 * @csspart message - The parent message and each reply.
 * @csspart composer - The reply composer.
 */
export class ChatThreadPanel extends LitElement {
  static override styles = [sharedStyles, messageItemStyles, threadPanelStyles];
  static override properties = {
    channelId: { attribute: 'channel-id' },
    messageId: { attribute: 'message-id' },
  };

  /** The channel of the parent message. */
  declare channelId: string;
  /** The parent message: its thread is shown. */
  declare messageId: string;

  readonly #chat = new ChatController(this, (chat) => [
    chat.threads[this.messageId],
    chat.channels[this.channelId]?.messages,
    chat.presence,
  ]);
  #opened: { client: ChatClient; messageId: string } | undefined;
  #newest = '';

  constructor() {
    super();
    this.channelId = '';
    this.messageId = '';
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.#close();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const client = this.#chat.client;
    if (!client || !this.messageId) return;
    if (this.#opened?.client === client && this.#opened.messageId === this.messageId) return;
    this.#release();
    this.#opened = { client, messageId: this.messageId };
    void client.openThread(this.messageId);
    if (changed.has('messageId')) void this.updateComplete.then(() => this.focusComposer());
  }

  /** Keeps the newest reply in view when one arrives (not when older ones are paged in). */
  override updated(): void {
    const list = this.renderRoot.querySelector('.replies');
    const last = this.#chat.chat.threads[this.messageId]?.replies.at(-1);
    const key = last ? itemKey(last) : '';
    if (list && key !== this.#newest) list.scrollTop = list.scrollHeight;
    this.#newest = key;
  }

  /** Focuses the reply box. */
  focusComposer(): void {
    this.renderRoot.querySelector<ChatComposer>('chat-composer')?.focus();
  }

  override render() {
    const { t } = this.#chat.i18n;
    const { chat } = this.#chat;
    const parent = chat.channels[this.channelId]?.messages.find((m) => m.messageId === this.messageId);
    return html`<section class="panel" aria-labelledby="title">
      <header part="header">
        <h2 id="title">${t('thread')}</h2>
        <button class="ghost close" aria-label=${t('closeThread')} @click=${this.#close}>✕</button>
      </header>
      <div class="replies" tabindex="0" role="region" aria-label=${t('replyList')}>${parent ? this.#parent(parent) : nothing} ${this.#replies()}</div>
      <chat-composer part="composer" channel-id=${this.channelId} thread-id=${this.messageId}
        label=${t('composeReply')}></chat-composer>
    </section>`;
  }

  #parent(parent: LocalMessage) {
    return html`<ol class="parent">${messageItem(parent, { ...this.#options(), online: this.#online(parent.userId), compact: false })}</ol>`;
  }

  #replies() {
    const { t, plural } = this.#chat.i18n;
    const thread = this.#chat.chat.threads[this.messageId];
    const replies = thread?.replies ?? [];
    const more = thread?.hasMore && replies.length > 0;
    return html`<p class="count muted">${replies.length || !thread?.loading ? plural('replies', replies.length) : ''}</p>
      ${more ? html`<button class="subtle older" ?disabled=${thread.loading} @click=${this.#older}>${t('olderReplies')}</button>` : nothing}
      ${thread?.loading && !replies.length ? html`<p class="muted pad" role="status">${t('loading')}</p>` : nothing}
      ${thread && !thread.loading && !replies.length ? html`<p class="muted pad">${t('noReplies')}</p>` : nothing}
      <ol>
        ${repeat(replies, itemKey, (r, i) =>
          messageItem(r, { ...this.#options(), online: this.#online(r.userId), compact: continues(replies[i - 1], r) }),
        )}
      </ol>`;
  }

  #options() {
    return {
      i18n: this.#chat.i18n,
      onRetry: (id: string) => this.#chat.client?.retry(id),
      onDiscard: (id: string) => this.#chat.client?.discard(id),
    };
  }

  #online(userId: string): boolean {
    return this.#chat.chat.presence[userId] === true;
  }

  #older(): void {
    void this.#chat.client?.loadOlderReplies(this.messageId);
  }

  #close(): void {
    this.dispatchEvent(new ChatThreadCloseEvent(this.messageId));
  }

  #release(): void {
    if (this.#opened) this.#opened.client.closeThread(this.#opened.messageId);
    this.#opened = undefined;
  }
}
