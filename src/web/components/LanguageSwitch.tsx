import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/contracts/common.ts';
import { useMe, useUpdateMe } from '../api/session.ts';
import { applyLocale, isLocale, pendingLocale, setPendingLocale } from '../i18n/index.ts';
import { describeError } from '../lib/errors.ts';
import { notifyError } from '../lib/notify.ts';
import { useLocale } from '../lib/useLocale.ts';
import { ToggleGroup } from './ToggleGroup.tsx';

interface LanguageSwitchProps {
  /** Save the choice to the signed-in user's profile. */
  persist: boolean;
  onChange?: (locale: Locale) => void;
}

/** 日本語 / English: applies at once; saved to the profile when signed in (kept on the device until saved). */
export function LanguageSwitch({ persist, onChange }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const updateMe = useUpdateMe();
  const userId = useMe().data?.user.id;

  const change = (value: Locale) => {
    if (!isLocale(value)) return;
    void applyLocale(value);
    onChange?.(value);
    if (persist && userId) {
      // Until the profile confirms it, the choice is kept on this device: see AuthGate.
      setPendingLocale(userId, value);
      updateMe.mutate(
        { locale: value },
        {
          onSuccess: () => {
            if (pendingLocale(userId) === value) setPendingLocale(userId, null);
          },
          onError: (error) => notifyError(t('language.saveFailed'), describeError(error, t)),
        },
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
