/**
 * French for every `<chat-widget>` on the page, for pages without a bundler:
 * `<script type="module" src=".../locales/fr.js"></script>` next to `chat-widget.js` (built to
 * `dist/locales/fr.js`). With a bundler: `ChatWidget.registerLocale('fr', fr)`.
 */
import type { ChatWidget } from '../components/widget/chat-widget.js';
import { fr } from '../i18n/fr.js';

const registry = globalThis.customElements;
void registry
  ?.whenDefined('chat-widget')
  .then(() => (registry.get('chat-widget') as typeof ChatWidget | undefined)?.registerLocale('fr', fr));
