/**
 * Registers `<chat-widget>` and its parts: `import '@parley/widget/define'`. The classes
 * themselves (`@parley/widget`) register nothing.
 */
import { defineChatElements } from './registry.js';

defineChatElements();

export { defineChatElements };
