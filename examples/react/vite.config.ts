import { defineConfig } from 'vite';

// React's JSX with the automatic runtime; nothing else to configure for the widget.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
});
