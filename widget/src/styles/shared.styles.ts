import { css } from 'lit';

/**
 * What every element of the widget shares: box sizing, the type scale, the spacing unit
 * (scaled by `--chat-density`), buttons, inputs, a visible focus ring and `.sr-only`.
 */
export const sharedStyles = css`
  :host {
    --_space: calc(8px * var(--chat-density, 1));
    font-family: var(--chat-font-family);
    font-size: var(--chat-font-size);
    line-height: 1.45;
    color: var(--chat-color-text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3,
  p,
  ul,
  ol {
    margin: 0;
    padding: 0;
  }
  ul,
  ol {
    list-style: none;
  }
  button,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid transparent;
    border-radius: calc(var(--chat-radius) * 0.7);
    padding: calc(var(--_space) * 0.5) var(--_space);
    background: none;
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  .primary {
    background: var(--chat-color-accent);
    color: var(--chat-color-on-accent);
    font-weight: 600;
  }
  .ghost:hover:not(:disabled),
  .subtle:hover:not(:disabled) {
    background: var(--chat-color-hover);
  }
  .subtle {
    color: var(--chat-color-text-muted);
    font-size: 0.85em;
  }
  input,
  textarea {
    width: 100%;
    background: var(--chat-color-surface-raised);
    border: 1px solid var(--chat-color-border);
    border-radius: calc(var(--chat-radius) * 0.7);
    padding: var(--_space);
  }
  :focus-visible {
    outline: 2px solid var(--chat-color-focus);
    outline-offset: 2px;
  }
  a {
    color: var(--chat-color-accent);
  }
  .muted {
    color: var(--chat-color-text-muted);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
