import { type ChatError, settle } from '@parley/sdk';
import { html, LitElement, nothing } from 'lit';
import { ChatController } from '../../controllers/chat-controller.js';
import { ChatErrorEvent } from '../../events/chat-error.js';
import { ChatSessionStartEvent } from '../../events/chat-session-start.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { signInStyles } from './chat-sign-in.styles.js';

/** Which form is shown. */
export const SignInMode = { SignIn: 'sign-in', Register: 'register' } as const;
export type SignInMode = (typeof SignInMode)[keyof typeof SignInMode];

/**
 * Sign in and registration forms. The server's errors are shown as it words them, next to the
 * field they name when they name one. A new account is signed in right away.
 *
 * @tag chat-sign-in
 *
 * @event chat-session-start - Signed in: carries the token (`ChatSessionStartEvent`).
 * @event chat-error - Signing in or registering failed (`ChatErrorEvent`).
 *
 * @csspart form - The form.
 * @csspart submit-button - The submit button.
 */
export class ChatSignIn extends LitElement {
  static override styles = [sharedStyles, signInStyles];
  static override properties = {
    mode: { reflect: true },
    notice: {},
    busy: { state: true },
    error: { state: true },
  };

  declare mode: SignInMode;
  /** A note above the form, e.g. that the session ended. */
  declare notice: string;
  /** @internal */
  declare busy: boolean;
  /** @internal */
  declare error: ChatError | undefined;

  readonly #chat = new ChatController(this, () => []);

  constructor() {
    super();
    this.mode = SignInMode.SignIn;
    this.notice = '';
    this.busy = false;
    this.error = undefined;
  }

  override render() {
    const { t } = this.#chat.i18n;
    const register = this.mode === SignInMode.Register;
    return html`<form part="form" @submit=${this.#submit} aria-labelledby="title" novalidate>
      <h2 id="title">${register ? t('registerTitle') : t('signInTitle')}</h2>
      ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
      ${register ? this.#field('username', t('username'), 'text', 'username') : nothing}
      ${this.#field('email', t('email'), 'email', 'email')}
      ${this.#field('password', t('password'), 'password', register ? 'new-password' : 'current-password')}
      <p class="error" role="alert">${this.error && !this.error.field ? this.error.message : ''}</p>
      <button part="submit-button" class="primary submit" type="submit" ?disabled=${this.busy}>
        ${this.busy ? t(register ? 'registering' : 'signingIn') : t(register ? 'register' : 'signIn')}
      </button>
      <p class="switch muted">
        ${register ? t('haveAccount') : t('noAccount')}
        <button type="button" class="link" @click=${this.#toggle}>${register ? t('signIn') : t('register')}</button>
      </p>
    </form>`;
  }

  #field(name: string, label: string, type: string, autocomplete: string) {
    const problem = this.error?.field === name ? this.error.message : '';
    return html`<label class="field">
      <span>${label}</span>
      <input name=${name} type=${type} autocomplete=${autocomplete} required aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby="${name}-error" />
      <span id="${name}-error" class="error" ?hidden=${!problem}>${problem}</span>
    </label>`;
  }

  #toggle(): void {
    this.mode = this.mode === SignInMode.Register ? SignInMode.SignIn : SignInMode.Register;
    this.error = undefined;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#chat.client;
    if (!client || this.busy) return;
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '');
    const credentials = { email: value('email'), password: value('password') };
    this.busy = true;
    this.error = undefined;
    let error: ChatError | undefined;
    if (this.mode === SignInMode.Register) {
      const body = { username: value('username'), ...credentials };
      error = (await settle(client.rest.POST('/api/register', { body }))).error;
    }
    const login = error ? undefined : await client.login(credentials);
    this.busy = false;
    error ??= login?.error;
    if (error) {
      this.error = error;
      this.dispatchEvent(new ChatErrorEvent(error));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } else if (login?.data) {
      this.dispatchEvent(new ChatSessionStartEvent(login.data.token));
    }
  }
}
