import { css } from 'lit';

export const messageListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    position: relative;
  }
  .scroller {
    flex: 1;
    overflow-y: auto;
    overscroll-behavior: contain;
    display: flex;
    flex-direction: column;
    padding-bottom: var(--_space);
  }
  .scroller:focus-visible {
    outline-offset: -2px;
  }
  .scroller > :first-child {
    margin-top: auto;
  }
  .loading,
  .beginning {
    min-height: calc(var(--_space) * 3);
    padding: var(--_space) calc(var(--_space) * 2);
    font-size: 0.85em;
    color: var(--chat-color-text-muted);
    text-align: center;
  }
  .notice {
    margin: auto;
    padding: calc(var(--_space) * 3);
    text-align: center;
    color: var(--chat-color-text-muted);
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    margin-right: var(--_space);
    vertical-align: -0.15em;
    border: 2px solid var(--chat-color-border);
    border-top-color: var(--chat-color-accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .typing {
    min-height: 1.5em;
    padding: 0 calc(var(--_space) * 2);
    font-size: 0.8em;
    font-style: italic;
    color: var(--chat-color-text-muted);
  }
`;
