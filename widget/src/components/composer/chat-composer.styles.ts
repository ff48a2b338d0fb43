import { css } from 'lit';

export const composerStyles = css`
  :host {
    display: block;
    padding: var(--_space) calc(var(--_space) * 2) calc(var(--_space) * 2);
  }
  form {
    display: flex;
    align-items: flex-end;
    gap: var(--_space);
    background: var(--chat-color-surface-raised);
    border: 1px solid var(--chat-color-border);
    border-radius: var(--chat-radius);
    padding: calc(var(--_space) * 0.5);
  }
  form:focus-within {
    border-color: var(--chat-color-focus);
    box-shadow: 0 0 0 1px var(--chat-color-focus);
  }
  textarea {
    flex: 1;
    border: none;
    background: none;
    resize: none;
    field-sizing: content;
    min-height: 2.4em;
    max-height: 10em;
    padding: calc(var(--_space) * 0.75);
  }
  textarea:focus-visible {
    outline: none;
  }
  button {
    display: grid;
    place-items: center;
    width: 2.4em;
    height: 2.4em;
    padding: 0;
  }
`;
