import type { LocalMessage, LocalReply } from '@parley/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translator } from '../i18n/translator.js';
import { linkify } from '../lib/linkify.js';
import { hueOf, initialOf } from '../lib/people.js';

export type Item = LocalMessage | LocalReply;

export interface ItemOptions {
  i18n: Translator;
  /** The author is online (a presence dot on the avatar). */
  online: boolean;
  /** Same author as the message before, shortly before: no avatar and name row. */
  compact: boolean;
  /** Set for channel messages: the Reply action and the reply count open the thread. */
  onThread?: ((messageId: string) => void) | undefined;
  onRetry: (clientMsgId: string) => void;
  onDiscard: (clientMsgId: string) => void;
}

/** The stable key of a message or reply in a list (unchanged when a pending one is confirmed). */
export const itemKey = (item: Item) => `${item.userId}/${item.clientMsgId}`;

/**
 * One message or reply: avatar with presence, author, local time, content as text (links
 * made clickable, nothing parsed as HTML), its status, and its actions.
 */
export function messageItem(item: Item, o: ItemOptions): TemplateResult {
  const { i18n } = o;
  return html`<li part="message" class="message ${o.compact ? 'compact' : ''} ${item.status}">
    <span class="avatar hue${hueOf(item.userId)}" aria-hidden="true"
      >${o.compact ? nothing : initialOf(item.username)}<span class="presence ${o.online ? 'on' : ''}"></span
    ></span>
    <div class="body">
      <p class="meta ${o.compact ? 'sr-only' : ''}">
        <span part="message-author" class="author">${item.username}</span>
        <time part="message-time" datetime=${item.createdAt} title=${i18n.fullTime(item.createdAt)}
          >${i18n.time(item.createdAt)}</time
        >
      </p>
      <p part="message-content" class="content">${content(item.content)}</p>
      ${status(item, o)} ${actions(item, o)}
    </div>
  </li>`;
}

function content(text: string) {
  return linkify(text).map((part) =>
    part.href
      ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer nofollow ugc">${part.text}</a>`
      : part.text,
  );
}

function status(item: Item, { i18n, onRetry, onDiscard }: ItemOptions) {
  if (item.status === 'pending') return html`<p class="status">${i18n.t('sending')}</p>`;
  if (item.status !== 'failed') return nothing;
  return html`<p class="status failed">
    ${i18n.t('failed', { reason: item.error?.message ?? '' })}
    <button class="subtle" @click=${() => onRetry(item.clientMsgId)}>${i18n.t('retry')}</button>
    <button class="subtle" @click=${() => onDiscard(item.clientMsgId)}>${i18n.t('discard')}</button>
  </p>`;
}

function actions(item: Item, { i18n, onThread }: ItemOptions) {
  if (!onThread || !('replyCount' in item) || item.status !== 'sent') return nothing;
  const open = () => onThread(item.messageId);
  return html`${
    item.replyCount > 0
      ? html`<button class="reply-count" @click=${open}>${i18n.plural('replies', item.replyCount)}</button>`
      : nothing
  }
    <span part="message-actions" class="actions">
      <button class="reply" data-thread=${item.messageId} aria-label=${i18n.t('replyTo', { name: item.username })}
        @click=${open}>${i18n.t('reply')}</button>
    </span>`;
}

/** True when `item` continues `previous` (same author, within five minutes, both sent). */
export function continues(previous: Item | undefined, item: Item): boolean {
  if (!previous || previous.userId !== item.userId || item.status === 'failed') return false;
  return Date.parse(item.createdAt) - Date.parse(previous.createdAt) < 5 * 60_000;
}
