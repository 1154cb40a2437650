import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/contracts/common.ts';
import { en, type Messages } from './en.ts';
import { ja } from './ja.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = 'koe.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

/** The language before we know the user: the last one chosen on this device, else the browser's. */
export function detectLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled; the browser language is still a good guess.
  }
  return navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'en';
}

export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the choice still applies to this page.
  }
  document.documentElement.lang = locale;
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
}

const PENDING_KEY = 'koe.locale.pending';

/**
 * A language chosen by a signed-in user whose save to the profile has not been confirmed: a
 * reload (or a closed tab) can cut the save short, and the profile would then bring back the
 * old language. Kept per user, so another person signing in on this device is not affected.
 */
export function pendingLocale(userId: string): Locale | null {
  try {
    const pending = JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null') as { userId?: unknown; locale?: unknown };
    return pending?.userId === userId && isLocale(pending.locale) ? pending.locale : null;
  } catch {
    return null;
  }
}

export function setPendingLocale(userId: string, locale: Locale | null): void {
  try {
    if (locale) localStorage.setItem(PENDING_KEY, JSON.stringify({ userId, locale }));
    else if (pendingLocale(userId) !== null) localStorage.removeItem(PENDING_KEY);
  } catch {
    // Storage disabled: the save still runs, only a reload during it is not covered.
  }
}

export function initI18n(): void {
  const locale = detectLocale();
  document.documentElement.lang = locale;
  void i18next.use(initReactI18next).init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
