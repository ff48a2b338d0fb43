import { html, LitElement } from 'lit';
import { ChatController } from '../../controllers/chat-controller.js';
import { ChatMessageSendEvent } from '../../events/chat-message-send.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { composerStyles } from './chat-composer.styles.js';

/**
 * The box to write a message in a channel, or a reply in a thread (with `thread-id`). Enter
 * sends, Shift+Enter adds a new line; typing is announced to the channel (throttled by the
 * SDK). The text is kept when the send is canceled by the host.
 *
 * @tag chat-composer
 *
 * @event chat-message-send - Before a message or reply is sent; cancelable (`ChatMessageSendEvent`).
 *
 * @csspart form - The form around the input and the button.
 * @csspart input - The text area.
 * @csspart send-button - The send button.
 */
export class ChatComposer extends LitElement {
  static override styles = [sharedStyles, composerStyles];
  static override properties = {
    channelId: { attribute: 'channel-id' },
    threadId: { attribute: 'thread-id' },
    label: {},
    disabled: { type: Boolean, reflect: true },
    value: { state: true },
  };

  /** The channel written to. */
  declare channelId: string;
  /** The parent message when this composer writes replies in its thread. */
  declare threadId: string;
  /** The accessible name (and placeholder) of the text area. */
  declare label: string;
  declare disabled: boolean;
  /** @internal */
  declare value: string;

  readonly #chat = new ChatController(this, () => []);

  constructor() {
    super();
    this.channelId = '';
    this.threadId = '';
    this.label = '';
    this.disabled = false;
    this.value = '';
  }

  /** Moves the focus to the text area. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('textarea')?.focus(options);
  }

  override render() {
    const { t } = this.#chat.i18n;
    return html`<form part="form" @submit=${this.#submit}>
      <textarea
        part="input"
        rows="1"
        aria-label=${this.label}
        aria-describedby="hint"
        placeholder=${this.label}
        .value=${this.value}
        ?disabled=${this.disabled}
        @input=${this.#input}
        @keydown=${this.#keydown}
      ></textarea>
      <button part="send-button" class="primary" type="submit" ?disabled=${this.disabled || !this.value.trim()}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
        </svg>
        <span class="sr-only">${t('send')}</span>
      </button>
      <p id="hint" class="sr-only">${t('composerHint')}</p>
    </form>`;
  }

  #input(event: InputEvent): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    if (this.value && this.channelId && !this.threadId) this.#chat.client?.typing(this.channelId);
  }

  #keydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.#send();
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    this.#send();
    this.focus();
  }

  #send(): void {
    const content = this.value;
    const client = this.#chat.client;
    if (!content.trim() || !client || this.disabled) return;
    const event = new ChatMessageSendEvent({ channelId: this.channelId, content, threadId: this.threadId });
    if (!this.dispatchEvent(event)) return;
    if (this.threadId) client.reply(this.threadId, content);
    else client.send(this.channelId, content);
    this.value = '';
    // the binding may not have rendered the typed text yet, so it would see no change: clear the box itself
    const input = this.renderRoot.querySelector('textarea');
    if (input) input.value = '';
  }
}
