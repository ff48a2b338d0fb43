import { css } from 'lit';

export const signInStyles = css`
  :host {
    display: grid;
    place-items: center;
    padding: calc(var(--_space) * 3);
    background: var(--chat-color-surface);
  }
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
    width: min(100%, 360px);
    padding: calc(var(--_space) * 3);
    background: var(--chat-color-surface-raised);
    border: 1px solid var(--chat-color-border);
    border-radius: var(--chat-radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.08);
  }
  h2 {
    font-size: 1.25em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    font-weight: 600;
    font-size: 0.9em;
  }
  .field input {
    font-weight: 400;
    font-size: 1rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--chat-color-danger);
  }
  .error {
    color: var(--chat-color-danger);
    font-weight: 400;
    font-size: 0.875em;
  }
  .notice {
    padding: var(--_space);
    border-radius: calc(var(--chat-radius) * 0.7);
    background: var(--chat-color-warning);
    color: var(--chat-color-on-warning);
    font-size: 0.9em;
  }
  .submit {
    padding: var(--_space);
  }
  .switch {
    font-size: 0.9em;
    text-align: center;
  }
  .link {
    color: var(--chat-color-accent);
    text-decoration: underline;
    padding: 0 2px;
  }
`;
