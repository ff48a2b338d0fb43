import { css } from 'lit';
import { avatarStyles } from '../styles/avatar.styles.js';

/** The look of a message or reply (shared by the message list and the thread panel). */
export const messageItemStyles = [
  avatarStyles,
  css`
  .message {
    display: grid;
    grid-template-columns: 36px 1fr;
    gap: 0 calc(var(--_space) * 1.25);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2) calc(var(--_space) * 0.25);
    position: relative;
  }
  .message.compact {
    padding-top: 0;
  }
  .message:hover,
  .message:focus-within {
    background: var(--chat-color-hover);
  }
  .compact .avatar {
    height: 0;
    background: none;
  }
  .presence {
    display: none;
    position: absolute;
    right: -2px;
    bottom: -2px;
    width: 12px;
    height: 12px;
    border-radius: 50%;
    border: 2px solid var(--chat-color-background);
    background: var(--chat-color-online);
  }
  .presence.on {
    display: block;
  }
  .compact .presence {
    display: none;
  }
  .meta {
    display: flex;
    align-items: baseline;
    gap: var(--_space);
  }
  .author {
    font-weight: 650;
  }
  time {
    font-size: 0.78em;
    color: var(--chat-color-text-muted);
  }
  .content {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .pending .content {
    opacity: 0.6;
  }
  .status {
    font-size: 0.8em;
    color: var(--chat-color-text-muted);
  }
  .status.failed {
    color: var(--chat-color-danger);
  }
  .status button {
    color: inherit;
    text-decoration: underline;
    padding: 0 calc(var(--_space) * 0.5);
  }
  .actions {
    position: absolute;
    top: calc(var(--_space) * 0.25);
    right: calc(var(--_space) * 1.5);
  }
  .reply {
    opacity: 0;
    font-size: 0.82em;
    background: var(--chat-color-surface-raised);
    border-color: var(--chat-color-border);
  }
  .message:hover .reply,
  .message:focus-within .reply {
    opacity: 1;
  }
  .reply-count {
    font-size: 0.82em;
    font-weight: 600;
    color: var(--chat-color-accent);
    padding: 0 calc(var(--_space) * 0.5);
  }
  .reply-count:hover {
    background: var(--chat-color-accent-soft);
  }
  @media (hover: none) {
    .reply {
      opacity: 1;
    }
  }
`,
];
