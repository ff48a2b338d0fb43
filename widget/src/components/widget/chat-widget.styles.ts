import { css } from 'lit';

export const widgetStyles = css`
  :host {
    display: block;
    height: 600px;
    overflow: hidden;
    border: 1px solid var(--chat-color-border);
    border-radius: var(--chat-radius);
    background: var(--chat-color-background);
  }
  .base {
    height: 100%;
    display: flex;
    flex-direction: column;
    container: chat / inline-size;
  }
  chat-sign-in {
    flex: 1;
  }
  .body {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: var(--chat-sidebar-width) minmax(0, 1fr) auto;
    position: relative;
  }
  .single .body {
    grid-template-columns: minmax(0, 1fr) auto;
  }
  .main {
    display: flex;
    flex-direction: column;
    min-width: 0;
    min-height: 0;
  }
  chat-message-list {
    flex: 1;
  }
  chat-thread-panel,
  chat-member-list {
    width: var(--chat-thread-width);
    border-left: 1px solid var(--chat-color-border);
  }
  .notice,
  .join {
    margin: auto;
    padding: calc(var(--_space) * 3);
    max-width: 28em;
    text-align: center;
    color: var(--chat-color-text-muted);
  }
  .join {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: calc(var(--_space) * 2);
    color: var(--chat-color-text);
  }
  .join button {
    padding: var(--_space) calc(var(--_space) * 2.5);
  }
  .error.shown {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    color: var(--chat-color-danger);
    border-bottom: 1px solid var(--chat-color-border);
    font-size: 0.9em;
  }
  .error button {
    color: inherit;
  }
  @container chat (max-width: 760px) {
    .full .body {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    chat-channel-list {
      position: absolute;
      inset: 0 auto 0 0;
      z-index: 3;
      width: min(85%, 280px);
      visibility: hidden;
      transform: translateX(-100%);
      transition: transform 0.15s ease-out, visibility 0.15s;
    }
    .sidebar-open chat-channel-list {
      visibility: visible;
      transform: none;
      box-shadow: 0 0 32px rgb(0 0 0 / 0.25);
    }
    chat-thread-panel,
    chat-member-list {
      position: absolute;
      inset: 0;
      z-index: 2;
      width: auto;
      border-left: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    chat-channel-list {
      transition: none;
    }
  }
`;
