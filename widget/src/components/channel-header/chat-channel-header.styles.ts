import { css } from 'lit';

export const channelHeaderStyles = css`
  :host {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: calc(var(--_space) * 7);
    padding: var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--chat-color-border);
  }
  h2 {
    flex: 1;
    font-size: 1.05em;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .hash {
    color: var(--chat-color-text-muted);
    margin-right: 2px;
  }
  button {
    color: var(--chat-color-text-muted);
    font-size: 0.9em;
    white-space: nowrap;
  }
  .menu {
    display: none;
  }
  @container chat (max-width: 760px) {
    .menu {
      display: inline-flex;
      gap: 4px;
    }
  }
`;
