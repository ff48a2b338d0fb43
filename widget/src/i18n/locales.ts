import { en, type Messages } from './en.js';

const locales = new Map<string, Messages>([['en', en]]);
const listeners = new Set<() => void>();

/**
 * Adds (or replaces) the strings of a language, by its primary tag (`fr` serves `fr-CA` too).
 * Missing keys fall back to English. Widgets showing that language switch to it at once.
 */
export function registerLocale(lang: string, messages: Partial<Messages>): void {
  locales.set(lang.toLowerCase(), { ...en, ...messages });
  for (const listener of listeners) listener();
}

/** The strings for `lang`: its own, its primary language's, or undefined. */
export function localeOf(lang: string): Messages | undefined {
  const tag = lang.toLowerCase();
  return locales.get(tag) ?? locales.get(tag.split('-')[0] ?? '');
}

/** Calls `listener` after every `registerLocale`; returns the unsubscribe. */
export function onLocaleRegistered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
