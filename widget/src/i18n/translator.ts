import { en, type MessageKey } from './en.js';
import { localeOf } from './locales.js';

/** Keys that have `_one` / `_other` forms. */
type PluralKey = { [K in MessageKey]: K extends `${infer B}_one` ? B : never }[MessageKey];

/** The strings and formats of one language: `t('join', { name })`, `plural('replies', 3)`, `time(iso)`. */
export interface Translator {
  /** The BCP 47 tag asked for (its strings may be English when none are registered for it). */
  readonly lang: string;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  plural(key: PluralKey, n: number): string;
  /** A time for a message: `14:05` today, `5 Mar, 14:05` before, in the viewer's time zone. */
  time(iso: string): string;
  /** The full date and time, for a tooltip. */
  fullTime(iso: string): string;
}

const fill = (text: string, vars: Record<string, string | number> = {}) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));

/**
 * A translator for `lang` with the strings registered for it (`fr-CA` uses `fr`; English when
 * there are none); dates and plurals follow `lang` itself, in the viewer's time zone.
 */
export function createTranslator(lang: string): Translator {
  const strings = localeOf(lang) ?? en;
  const locale = safeLocale(lang);
  const rules = new Intl.PluralRules(locale);
  const hm = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const dayHm = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' });
  const t: Translator['t'] = (key, vars) => fill(strings[key], vars);
  return {
    lang,
    t,
    plural: (key, n) => t(`${key}_${rules.select(n) === 'one' ? 'one' : 'other'}` as MessageKey, { n }),
    time(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return '';
      const today = new Date().toDateString() === date.toDateString();
      return (today ? hm : dayHm).format(date);
    },
    fullTime: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? '' : full.format(date);
    },
  };
}

function safeLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}
