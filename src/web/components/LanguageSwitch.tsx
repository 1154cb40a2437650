import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/contracts/common.ts';
import { useUpdateMe } from '../api/session.ts';
import { applyLocale, isLocale } from '../i18n/index.ts';
import { describeError } from '../lib/errors.ts';
import { notifyError } from '../lib/notify.ts';
import { useLocale } from '../lib/useLocale.ts';
import { ToggleGroup } from './ToggleGroup.tsx';

interface LanguageSwitchProps {
  /** Save the choice to the signed-in user's profile. */
  persist: boolean;
  onChange?: (locale: Locale) => void;
}

/** 日本語 / English: applies at once; saved to the profile when signed in. */
export function LanguageSwitch({ persist, onChange }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const updateMe = useUpdateMe();

  const change = (value: Locale) => {
    if (!isLocale(value)) return;
    void applyLocale(value);
    onChange?.(value);
    if (persist) {
      updateMe.mutate(
        { locale: value },
        { onError: (error) => notifyError(t('language.saveFailed'), describeError(error, t)) },
      );
    }
  };

  return (
    <ToggleGroup
      testId="language-switch"
      label={t('language.label')}
      fullWidth
      value={locale}
      onChange={change}
      options={[
        { value: 'ja', label: '日本語', lang: 'ja', testId: 'language-ja' },
        { value: 'en', label: 'English', lang: 'en', testId: 'language-en' },
      ]}
    />
  );
}
