import { css } from 'lit';

export const connectionBannerStyles = css`
  :host {
    display: block;
  }
  .banner {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
    font-size: 0.875em;
    font-weight: 600;
    background: var(--chat-color-warning);
    color: var(--chat-color-on-warning);
  }
  button {
    color: inherit;
    text-decoration: underline;
  }
`;
