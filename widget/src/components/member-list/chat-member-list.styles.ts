import { css } from 'lit';

export const memberListStyles = css`
  :host {
    display: block;
    overflow-y: auto;
    background: var(--chat-color-surface);
    border-left: 1px solid var(--chat-color-border);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    min-height: calc(var(--_space) * 7);
    padding: var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--chat-color-border);
  }
  h2 {
    font-size: 1em;
  }
  h2 .muted {
    font-weight: 400;
    font-size: 0.85em;
  }
  .close {
    width: 2.2em;
    height: 2.2em;
    padding: 0;
  }
  ul {
    padding: var(--_space);
  }
  .member {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.5);
  }
  .avatar {
    --_avatar: 28px;
    font-size: 0.8em;
  }
  .name {
    flex: 1;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .presence {
    font-size: 0.78em;
    color: var(--chat-color-text-muted);
  }
  .presence::before {
    content: '';
    display: inline-block;
    width: 8px;
    height: 8px;
    margin-right: 4px;
    border-radius: 50%;
    border: 1px solid var(--chat-color-text-muted);
  }
  .presence.on::before {
    background: var(--chat-color-online);
    border-color: var(--chat-color-online);
  }
`;
