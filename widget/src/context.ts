import { createContext } from '@lit/context';
import type { ChatClient } from '@parley/sdk';
import type { Translator } from './i18n/translator.js';
import type { ChannelDirectory } from './lib/channel-directory.js';

/** The SDK client, provided by `<chat-widget>` to every element inside it. */
export const clientContext = createContext<ChatClient | undefined>(Symbol.for('parley.client'));

/** The channel lists of the signed-in user. */
export const directoryContext = createContext<ChannelDirectory | undefined>(Symbol.for('parley.directory'));

/** The strings and date formats of the widget's `lang`. */
export const i18nContext = createContext<Translator>(Symbol.for('parley.i18n'));
