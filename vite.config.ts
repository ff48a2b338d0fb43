import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { demoPage, minifyTemplates } from './widget/build/vite-plugins.js';

/**
 * The widget's builds and its dev server (tests are configured in `vitest.config.ts`).
 *
 * `vite build` builds two environments:
 * - `client`: the embeddable `widget/dist/chat-widget.js` (widget + SDK + Lit in one ES module
 *   that defines the tags) and the demo page `widget/dist/index.html`;
 * - `locales`: `widget/dist/locales/fr.js`, French for pages that load `chat-widget.js`;
 * - `lib`: the ESM library `widget/dist/lib/` (one module per source file, `lit`, `@lit/context`
 *   and `@parley/sdk` left as imports) for apps with their own bundler.
 *
 * `vite` serves the demo page from the sources, with `/api` proxied to a Parley on :8080
 * (`PARLEY_URL` to change it), so the widget talks to its own origin as in production.
 */
const root = dirname(fileURLToPath(import.meta.url));
const widget = (path: string) => resolve(root, 'widget', path);
const parley = process.env.PARLEY_URL ?? 'http://127.0.0.1:8080';

const LICENSES =
  '/*! @parley/widget (MIT) with @parley/sdk (MIT), openapi-fetch (MIT), lit and @lit/context (BSD-3-Clause, Google LLC) */';

export default defineConfig(({ command }) => ({
  root: widget('.'),
  publicDir: false,
  resolve: {
    alias: { '@parley/sdk': resolve(root, 'sdk/src/index.ts') },
    // Lit's production build in bundles, whatever NODE_ENV says (vitest sets it to `test`).
    ...(command === 'build' ? { conditions: ['module', 'browser', 'production'] } : {}),
  },
  plugins: [minifyTemplates(), demoPage(widget('index.html'))],
  server: {
    proxy: { '/api': { target: parley, ws: true, changeOrigin: true } },
  },
  builder: {},
  build: { target: 'es2022' },
  environments: {
    client: {
      build: {
        outDir: widget('dist'),
        emptyOutDir: true,
        lib: { entry: widget('src/embed.ts'), formats: ['es'], fileName: () => 'chat-widget.js' },
        rolldownOptions: {
          output: { minify: true, comments: false, postBanner: LICENSES },
        },
      },
    },
    locales: {
      consumer: 'client',
      build: {
        outDir: widget('dist/locales'),
        emptyOutDir: true,
        lib: { entry: { fr: widget('src/locales/fr.ts') }, formats: ['es'] },
        rolldownOptions: { output: { minify: true, comments: false } },
      },
    },
    lib: {
      consumer: 'client',
      build: {
        outDir: widget('dist/lib'),
        emptyOutDir: true,
        minify: false,
        lib: { entry: { index: widget('src/index.ts'), define: widget('src/define.ts') }, formats: ['es'] },
        rolldownOptions: {
          external: [/^lit($|\/)/, /^@lit\//, '@parley/sdk'],
          output: { preserveModules: true, preserveModulesRoot: widget('src') },
        },
      },
    },
  },
}));
