import { css } from 'lit';

export const threadPanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--chat-color-background);
  }
  .panel {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: var(--_space) calc(var(--_space) * 2);
    min-height: calc(var(--_space) * 7);
    border-bottom: 1px solid var(--chat-color-border);
  }
  h2 {
    font-size: 1em;
  }
  .close {
    width: 2.2em;
    height: 2.2em;
    padding: 0;
  }
  .replies {
    flex: 1;
    overflow-y: auto;
    padding: var(--_space) 0;
  }
  .parent {
    border-bottom: 1px solid var(--chat-color-border);
    padding-bottom: var(--_space);
  }
  .count {
    padding: var(--_space) calc(var(--_space) * 2) 0;
    font-size: 0.8em;
  }
  .older {
    margin: 0 calc(var(--_space) * 1.5);
  }
  .pad {
    padding: var(--_space) calc(var(--_space) * 2);
  }
`;
