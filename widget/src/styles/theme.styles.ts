import { css } from 'lit';

/** The dark palette, used by `theme="dark"` and by `theme="auto"` when the system prefers dark. */
const dark = css`
  color-scheme: dark;
  --chat-color-background: #0f1217;
  --chat-color-surface: #171b22;
  --chat-color-surface-raised: #1f252e;
  --chat-color-hover: #262d38;
  --chat-color-text: #e6e9ef;
  --chat-color-text-muted: #9aa4b2;
  --chat-color-border: #2c3440;
  --chat-color-accent: #7c8cff;
  --chat-color-accent-soft: #262c52;
  --chat-color-on-accent: #0f1217;
  --chat-color-danger: #ff8a8a;
  --chat-color-warning: #3d3214;
  --chat-color-on-warning: #ffd98a;
  --chat-color-online: #4ad07d;
  --chat-color-focus: #9aa7ff;
`;

/**
 * The design tokens of the widget, set on `chat-widget`'s host. Every one is a `--chat-*`
 * custom property, so a host page overrides it with a plain rule (`chat-widget { ... }`),
 * which wins over these defaults; sub-elements inherit them.
 */
export const themeStyles = css`
  :host {
    color-scheme: light;
    --chat-color-background: #ffffff;
    --chat-color-surface: #f6f7f9;
    --chat-color-surface-raised: #ffffff;
    --chat-color-hover: #eceef2;
    --chat-color-text: #1b1f24;
    --chat-color-text-muted: #5b6472;
    --chat-color-border: #dde1e7;
    --chat-color-accent: #4353e0;
    --chat-color-accent-soft: #e8eaff;
    --chat-color-on-accent: #ffffff;
    --chat-color-danger: #c62828;
    --chat-color-warning: #fff4d6;
    --chat-color-on-warning: #6b4e00;
    --chat-color-online: #1f9d55;
    --chat-color-focus: #4353e0;
    --chat-radius: 10px;
    --chat-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --chat-font-size: 15px;
    --chat-density: 1;
    --chat-sidebar-width: 240px;
    --chat-thread-width: 340px;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
`;
