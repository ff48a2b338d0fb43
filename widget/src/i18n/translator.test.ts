import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { fr } from './fr.js';
import { registerLocale } from './locales.js';
import { createTranslator } from './translator.js';

describe('createTranslator', () => {
  it('fills in variables and picks plural forms', () => {
    const { t, plural } = createTranslator('en');
    expect(t('join', { name: 'general' })).toBe('Join #general');
    expect([plural('replies', 1), plural('replies', 2)]).toEqual(['1 reply', '2 replies']);
  });

  it('speaks a registered language (French for fr and its regions), and English for languages it lacks', () => {
    expect(createTranslator('fr').t('signIn')).toBe('Sign in');
    registerLocale('fr', fr);
    expect(createTranslator('fr-CA').t('signIn')).toBe('Se connecter');
    expect(createTranslator('fr').plural('members', 1)).toBe('1 membre');
    expect(createTranslator('xx').t('signIn')).toBe('Sign in');
    expect(createTranslator('not a tag!').time(new Date().toISOString())).not.toBe('');
  });

  it('has every string in every language', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('gives a message the time of day today and the date before, in the local time zone', () => {
    const { time, fullTime } = createTranslator('en');
    const now = new Date();
    const today = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(now);
    expect(time(now.toISOString())).toBe(today);
    const old = new Date(2020, 2, 5, 14, 7);
    expect(time(old.toISOString())).toBe(
      new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }).format(old),
    );
    expect(fullTime(old.toISOString())).toContain('2020');
    expect(time('not a date')).toBe('');
  });
});
