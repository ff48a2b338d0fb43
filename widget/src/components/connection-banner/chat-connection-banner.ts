import { StateCode } from '@parley/sdk';
import { html, LitElement, nothing } from 'lit';
import { ChatController } from '../../controllers/chat-controller.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { connectionBannerStyles } from './chat-connection-banner.styles.js';

/** What the banner says. */
export const BannerState = {
  Hidden: 'hidden',
  Connecting: 'connecting',
  Reconnecting: 'reconnecting',
  Offline: 'offline',
  Disconnected: 'disconnected',
} as const;
export type BannerState = (typeof BannerState)[keyof typeof BannerState];

/**
 * The connection's state in words when it is not simply connected: connecting, reconnecting
 * (the SDK retries with backoff and recovers every missed message), offline (the browser has
 * no network; sends wait), or disconnected for good with a Reconnect button. A polite status
 * region: screen readers hear each change.
 *
 * @tag chat-connection-banner
 *
 * @csspart banner - The banner text and button.
 */
export class ChatConnectionBanner extends LitElement {
  static override styles = [sharedStyles, connectionBannerStyles];
  static override properties = { online: { state: true } };

  /** @internal */
  declare online: boolean;

  readonly #chat = new ChatController(this, (chat) => [chat.connection, chat.user]);
  readonly #onNetwork = () => {
    this.online = navigator.onLine;
    if (this.online && this.#chat.chat.connection.state === 'disconnected') this.#reconnect();
  };
  /** Whether this client has been connected at least once (then connecting means reconnecting). */
  #wasConnected = false;

  constructor() {
    super();
    this.online = typeof navigator === 'undefined' || navigator.onLine !== false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.#onNetwork);
    addEventListener('offline', this.#onNetwork);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.#onNetwork);
    removeEventListener('offline', this.#onNetwork);
  }

  /** What the banner shows now. */
  get state(): BannerState {
    const { state, code } = this.#chat.chat.connection;
    if (state === 'connected') this.#wasConnected = true;
    if (!this.#chat.client || state === 'connected') return BannerState.Hidden;
    if (!this.online) return BannerState.Offline;
    if (state === 'connecting') return this.#wasConnected ? BannerState.Reconnecting : BannerState.Connecting;
    return code === StateCode.DisconnectCalled || code === 0 ? BannerState.Hidden : BannerState.Disconnected;
  }

  override render() {
    const { t } = this.#chat.i18n;
    const state = this.state;
    const text = {
      [BannerState.Hidden]: '',
      [BannerState.Connecting]: t('connecting'),
      [BannerState.Reconnecting]: t('reconnecting'),
      [BannerState.Offline]: t('offline'),
      [BannerState.Disconnected]: t('disconnected'),
    }[state];
    return html`<div role="status">
      ${
        state === BannerState.Hidden
          ? nothing
          : html`<p part="banner" class="banner ${state}">
              <span>${text}</span>
              ${state === BannerState.Disconnected ? html`<button class="ghost" @click=${this.#reconnect}>${t('reconnect')}</button>` : nothing}
            </p>`
      }
    </div>`;
  }

  #reconnect(): void {
    try {
      this.#chat.client?.connect();
    } catch {
      // no WebSocket here: the banner stays
    }
  }
}
