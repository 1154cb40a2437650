import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function NoPermission() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" icon={<IconLock />} mb="md">
      {t('settings.noPermission')}
    </Alert>
  );
}
