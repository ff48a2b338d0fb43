import { css } from 'lit';

export const channelListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--chat-color-surface);
    border-right: 1px solid var(--chat-color-border);
  }
  nav {
    flex: 1;
    overflow-y: auto;
    padding: var(--_space);
  }
  h2 {
    font-size: 0.75em;
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--chat-color-text-muted);
    padding: calc(var(--_space) * 1.5) var(--_space) calc(var(--_space) * 0.5);
  }
  .channel,
  .add {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    width: 100%;
    text-align: left;
  }
  .channel:hover {
    background: var(--chat-color-hover);
  }
  .channel[aria-current='page'] {
    background: var(--chat-color-accent-soft);
    color: var(--chat-color-accent);
    font-weight: 600;
  }
  .hash {
    color: var(--chat-color-text-muted);
  }
  .name {
    flex: 1;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .unread .name {
    font-weight: 700;
  }
  .badge {
    min-width: 1.5em;
    padding: 0 0.45em;
    border-radius: 1em;
    font-size: 0.75em;
    font-weight: 700;
    text-align: center;
    background: var(--chat-color-accent);
    color: var(--chat-color-on-accent);
  }
  .add {
    color: var(--chat-color-text-muted);
    margin-top: calc(var(--_space) * 0.5);
  }
  .none {
    padding: calc(var(--_space) * 0.5) var(--_space);
    font-size: 0.85em;
  }
  .new {
    padding: var(--_space) calc(var(--_space) * 0.5);
  }
  .row {
    display: flex;
    gap: var(--_space);
  }
  .problem {
    color: var(--chat-color-danger);
    font-size: 0.85em;
    min-height: 0.5em;
  }
  .account {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: calc(var(--_space) * 7);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--chat-color-border);
  }
  .avatar {
    --_avatar: 28px;
    flex: none;
    font-size: 0.8em;
  }
  .me {
    flex: 1;
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
