import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/contracts/common.ts';

/** The UI language as a Locale, re-rendering when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'ja' ? 'ja' : 'en';
}
