import { ContextProvider } from '@lit/context';
import type { ChatChannel, ChatClient, ChatClientOptions, TokenProvider } from '@parley/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { i18nContext } from '../../context.js';
import { SessionController } from '../../controllers/session-controller.js';
import { ChatChannelChangeEvent } from '../../events/chat-channel-change.js';
import type { ChatChannelSelectEvent } from '../../events/chat-channel-select.js';
import { type ChatErrorDetail, ChatErrorEvent } from '../../events/chat-error.js';
import { ChatPanel, type ChatPanelToggleEvent } from '../../events/chat-panel-toggle.js';
import { ChatReadyEvent } from '../../events/chat-ready.js';
import type { ChatSessionStartEvent } from '../../events/chat-session-start.js';
import type { ChatThreadOpenEvent } from '../../events/chat-thread-open.js';
import type { Messages } from '../../i18n/en.js';
import { onLocaleRegistered, registerLocale } from '../../i18n/locales.js';
import { createTranslator, type Translator } from '../../i18n/translator.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import type { ChatComposer } from '../composer/chat-composer.js';
import type { ChatMessageList } from '../message-list/chat-message-list.js';
import { widgetStyles } from './chat-widget.styles.js';
import { WidgetState } from './widget-state.js';

/** `full`: the channel list beside the channel; `single`: one channel only. */
export const ChatLayout = { Full: 'full', Single: 'single' } as const;
export type ChatLayout = (typeof ChatLayout)[keyof typeof ChatLayout];

/** `auto` follows the system's light or dark preference. */
export const ChatTheme = { Light: 'light', Dark: 'dark', Auto: 'auto' } as const;
export type ChatTheme = (typeof ChatTheme)[keyof typeof ChatTheme];

/**
 * Parley's chat in one tag: sign in, channels, live messages, threads, members and presence,
 * on a Parley server. It owns one `@parley/sdk` client and hands it to its parts through
 * @lit/context. It never throws into the page: failures are `chat-error` events and a message
 * in its error region.
 *
 * @tag chat-widget
 *
 * @slot header - Above the chat (a title, the host's branding).
 * @slot empty - Shown in a channel that has no messages yet.
 *
 * @event chat-ready - Connected and signed in, once per session (`ChatReadyEvent`, with `user`).
 * @event chat-message-send - The user sends a message or a reply; cancelable (`ChatMessageSendEvent`).
 * @event chat-channel-change - The channel shown changed (`ChatChannelChangeEvent`, with `channelId`, `name`).
 * @event chat-error - Something failed (`ChatErrorEvent`, with `error: {code, message, channelId?, clientMsgId?}`).
 *
 * @csspart base - The whole widget.
 * @csspart header - The header slot's container.
 * @csspart sidebar - The channel list.
 * @csspart main - The channel column (header, banner, messages, composer).
 * @csspart channel-header - The channel's title row.
 * @csspart banner - The connection banner (connecting, reconnecting, offline).
 * @csspart error - The error region.
 * @csspart message-list - The message list.
 * @csspart composer - The message composer.
 * @csspart join - The invitation to join a channel the user is not in.
 * @csspart thread - The thread panel.
 * @csspart members - The member list.
 * @csspart sign-in - The sign-in and registration forms.
 * @csspart message - A message (in the list and in threads).
 * @csspart message-author - A message's author.
 * @csspart message-time - A message's time.
 * @csspart message-content - A message's text.
 * @csspart channel - A channel in the channel list.
 * @csspart channel-badge - A channel's unread count.
 * @csspart input - The composer's text area.
 * @csspart send-button - The composer's send button.
 * @csspart typing - The typing indicator.
 * @csspart empty - The empty state of a channel.
 *
 * @cssproperty --chat-color-background - The page of the chat.
 * @cssproperty --chat-color-surface - Side panels (channel list, members).
 * @cssproperty --chat-color-surface-raised - Inputs and cards.
 * @cssproperty --chat-color-hover - Hovered rows and buttons.
 * @cssproperty --chat-color-text - Text.
 * @cssproperty --chat-color-text-muted - Secondary text (times, hints).
 * @cssproperty --chat-color-border - Borders and separators.
 * @cssproperty --chat-color-accent - Buttons, links, the current channel, badges.
 * @cssproperty --chat-color-accent-soft - The background of the current channel.
 * @cssproperty --chat-color-on-accent - Text on the accent colour.
 * @cssproperty --chat-color-danger - Errors and failed messages.
 * @cssproperty --chat-color-warning - The connection banner's background.
 * @cssproperty --chat-color-on-warning - The connection banner's text.
 * @cssproperty --chat-color-online - Presence dots.
 * @cssproperty --chat-color-focus - The focus ring.
 * @cssproperty --chat-radius - Corner radius.
 * @cssproperty --chat-font-family - The font.
 * @cssproperty --chat-font-size - The base font size.
 * @cssproperty --chat-density - Spacing scale (1 = default, 0.75 = compact).
 * @cssproperty --chat-sidebar-width - Width of the channel list.
 * @cssproperty --chat-thread-width - Width of the thread and member panels.
 *
 * @cssstate signed-in - A user is signed in.
 * @cssstate connected - The realtime connection is up.
 * @cssstate reconnecting - The connection is being established or re-established.
 * @cssstate thread-open - A thread is open.
 */
export class ChatWidget extends LitElement {
  static override styles = [themeStyles, sharedStyles, widgetStyles];
  static override properties = {
    endpoint: {},
    token: {},
    tokenProvider: { attribute: false },
    channel: {},
    layout: { reflect: true },
    theme: { reflect: true },
    lang: {},
    storageKey: { attribute: 'storage-key' },
    pageSize: { type: Number, attribute: 'page-size' },
    clientOptions: { attribute: false },
    activeId: { state: true },
    threadId: { state: true },
    panel: { state: true },
    problem: { state: true },
  };

  /** The Parley server, e.g. `https://chat.example.com` (default: this page's origin). */
  declare endpoint: string;
  /** A Parley token for the user (from the host's backend). Without one, the widget shows sign-in. */
  declare token: string;
  /** Called for a token when one is needed (first connect, expiry): preferred over `token`. */
  declare tokenProvider: TokenProvider | undefined;
  /** The channel to show (the only one with `layout="single"`). */
  declare channel: string;
  declare layout: ChatLayout;
  declare theme: ChatTheme;
  /** The language of the widget's text and dates (default: the page's `lang`, then the browser's). */
  declare lang: string;
  /** Keep a signed-in token in `localStorage` under this key, so a reload stays signed in. */
  declare storageKey: string;
  /** Messages per history page (default 50). */
  declare pageSize: number;
  /** More options for the SDK client (`fetch`, `WebSocket`, reconnect delays, ...). */
  declare clientOptions: Partial<ChatClientOptions> | undefined;
  /** @internal */
  declare activeId: string;
  /** @internal */
  declare threadId: string;
  /** @internal */
  declare panel: '' | ChatPanel;
  /** @internal */
  declare problem: string;

  readonly #session = new SessionController(this, {
    ready: (user) => this.dispatchEvent(new ChatReadyEvent(user)),
    error: (error) => this.#report(error),
  });
  readonly #i18n = new ContextProvider(this, { context: i18nContext, initialValue: createTranslator('en') });
  readonly #state = new WidgetState(this);
  #announced = '';
  #offLocale: (() => void) | undefined;

  /**
   * Adds the strings of a language for every widget (English is built in; French is in
   * `@parley/widget`'s `fr`, or `locales/fr.js` next to `chat-widget.js`).
   */
  static registerLocale(lang: string, messages: Partial<Messages>): void {
    registerLocale(lang, messages);
  }

  constructor() {
    super();
    this.endpoint = '';
    this.token = '';
    this.tokenProvider = undefined;
    this.channel = '';
    this.layout = ChatLayout.Full;
    this.theme = ChatTheme.Auto;
    this.lang = '';
    this.storageKey = '';
    this.pageSize = 0;
    this.clientOptions = undefined;
    this.activeId = '';
    this.threadId = '';
    this.panel = '';
    this.problem = '';
    this.addEventListener('chat-error', ({ error }) => {
      if (!error.clientMsgId) this.problem = error.message;
    });
  }

  /** The SDK client of the current session (for what the widget does not show). */
  get client(): ChatClient | undefined {
    return this.#session.client;
  }

  get #t(): Translator {
    return this.#i18n.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#offLocale = onLocaleRegistered(() => {
      this.#i18n.setValue(createTranslator(this.#t.lang));
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offLocale?.();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#session.sync();
    const lang = this.lang || this.closest('[lang]')?.getAttribute('lang') || globalThis.navigator?.language || 'en';
    if (lang !== this.#t.lang) this.#i18n.setValue(createTranslator(lang));
    if (changed.has('channel') && this.channel) this.#select(this.channel);
    if (!this.activeId) this.#pickDefault();
    this.#state.update(this.#session, Boolean(this.threadId));
  }

  override render() {
    if (this.#session.signedOut) {
      const notice = this.#session.notice ? this.#t.t(this.#session.notice) : '';
      return html`<section part="base" class="base" aria-label=${this.#t.t('chat')}>
        <slot name="header" part="header"></slot>${this.#errors()}
        <chat-sign-in part="sign-in" exportparts="form, submit-button" notice=${notice}
          @chat-session-start=${(e: ChatSessionStartEvent) => this.#session.signIn(e.token)}></chat-sign-in>
      </section>`;
    }
    const full = this.layout !== ChatLayout.Single;
    return html`<section part="base" class="base ${full ? 'full' : 'single'}" aria-label=${this.#t.t('chat')}>
      <slot name="header" part="header"></slot>
      <div class="body ${this.panel === ChatPanel.Sidebar ? 'sidebar-open' : ''}" @keydown=${this.#escape}>
        ${
          full
            ? html`<chat-channel-list part="sidebar" exportparts="channel, channel-badge, add-button, account"
                active-id=${this.activeId} @chat-channel-select=${(e: ChatChannelSelectEvent) => this.#select(e.channelId)}
                @chat-session-end=${() => this.#session.signOut()}></chat-channel-list>`
            : nothing
        }
        <div part="main" class="main">${this.#main(full)}</div>
        ${this.#aside()}
      </div>
    </section>`;
  }

  #main(full: boolean) {
    const channel = this.#channel();
    const name = channel?.name ?? '';
    const member = this.#session.directory?.isMember(this.activeId) ?? false;
    return html`${
      this.activeId
        ? html`<chat-channel-header part="channel-header" exportparts="title, members-button, leave-button"
            channel-id=${this.activeId} channel-name=${name} ?members-open=${this.panel === ChatPanel.Members}
            ?sidebar=${full} @chat-panel-toggle=${this.#toggle}></chat-channel-header>`
        : nothing
    }
      <chat-connection-banner part="banner"></chat-connection-banner>
      ${this.#errors()} ${this.#content(name, member)}`;
  }

  #content(name: string, member: boolean) {
    const { t } = this.#t;
    const directory = this.#session.directory?.store.get();
    if (!this.activeId) {
      const text = directory?.loaded ? t('noChannel') : t('loadingChannels');
      return html`<p class="notice">${text}</p>`;
    }
    if (!member && directory?.loaded) {
      return html`<div part="join" class="join">
        <p>${t('joinPrompt', { name })}</p>
        <button class="primary" @click=${this.#join}>${t('join', { name })}</button>
      </div>`;
    }
    if (!member) return html`<p class="notice">${t('loading')}</p>`;
    return html`<chat-message-list part="message-list"
        exportparts="message, message-author, message-time, message-content, message-actions, loading, empty, typing"
        channel-id=${this.activeId} channel-name=${name}
        @chat-thread-open=${(e: ChatThreadOpenEvent) => this.#openThread(e.messageId)}
        ><slot name="empty" slot="empty"></slot></chat-message-list>
      <chat-composer part="composer" exportparts="input, send-button" channel-id=${this.activeId}
        label=${t('composeIn', { name })}></chat-composer>`;
  }

  #aside() {
    if (this.threadId) {
      return html`<chat-thread-panel part="thread" exportparts="message, message-author, message-time, message-content"
        channel-id=${this.activeId} message-id=${this.threadId} @chat-thread-close=${this.#closeThread}></chat-thread-panel>`;
    }
    if (this.panel === ChatPanel.Members && this.#session.directory?.isMember(this.activeId)) {
      return html`<chat-member-list part="members" channel-id=${this.activeId}
        @chat-panel-toggle=${this.#toggle}></chat-member-list>`;
    }
    return nothing;
  }

  #errors() {
    return html`<div part="error" class="error ${this.problem ? 'shown' : ''}" role="alert">
      ${
        this.problem
          ? html`<p>${this.problem}</p>
              <button class="ghost" aria-label=${this.#t.t('dismiss')} @click=${() => (this.problem = '')}>✕</button>`
          : nothing
      }
    </div>`;
  }

  #channel(): ChatChannel | undefined {
    return this.#session.directory?.byId(this.activeId);
  }

  #pickDefault(): void {
    const directory = this.#session.directory?.store.get();
    if (this.layout === ChatLayout.Single || !directory?.loaded) return;
    const first = directory.mine[0] ?? directory.all[0];
    if (first) this.#select(first.id);
  }

  #select(id: string): void {
    if (id === this.activeId) return;
    this.activeId = id;
    this.threadId = '';
    this.panel = '';
  }

  /** Watches a channel the user belongs to and loads its members (names, presence, the count). */
  #follow(id: string): void {
    const client = this.#session.client;
    client?.watch(id);
    void client?.loadMembers(id).then((error) => error && this.#report({ ...error, channelId: id }));
  }

  /**
   * Once the channel shown is known (its list has loaded): follow it when the user belongs to
   * it, and announce it with `chat-channel-change`.
   */
  override updated(): void {
    const directory = this.#session.directory;
    if (this.activeId === this.#announced || !directory?.store.get().loaded) return;
    this.#announced = this.activeId;
    if (directory.isMember(this.activeId)) this.#follow(this.activeId);
    this.dispatchEvent(new ChatChannelChangeEvent(this.activeId, this.#channel()?.name ?? ''));
  }

  async #join(): Promise<void> {
    const id = this.activeId;
    const error = await this.#session.directory?.join(id);
    if (error) return this.#report({ ...error, channelId: id });
    this.#follow(id);
    await this.updateComplete;
    this.renderRoot.querySelector<ChatComposer>('chat-composer')?.focus();
  }

  #openThread(messageId: string): void {
    this.threadId = messageId;
    if (this.panel === ChatPanel.Members) this.panel = '';
  }

  async #closeThread(): Promise<void> {
    const messageId = this.threadId;
    this.threadId = '';
    await this.updateComplete;
    const list = this.renderRoot.querySelector<ChatMessageList>('chat-message-list');
    if (!list?.focusThreadButton(messageId)) this.renderRoot.querySelector<ChatComposer>('chat-composer')?.focus();
  }

  #toggle(event: ChatPanelToggleEvent): void {
    this.panel = this.panel === event.panel ? '' : event.panel;
    if (this.panel === ChatPanel.Members) this.threadId = '';
  }

  #escape(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.panel) this.panel = '';
  }

  /** Failures of the session and the SDK: a `chat-error` event (the listener above shows it). */
  #report(error: ChatErrorDetail): void {
    this.dispatchEvent(new ChatErrorEvent(error));
  }
}
