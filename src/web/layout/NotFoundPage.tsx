import { Button, Center, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center h="100%" p="xl">
      <EmptyState
        icon={<IconMapOff size={32} />}
        withIndicatorBackground
        title={t('errors.pageNotFound')}
        description={t('errors.pageNotFoundHint')}
      >
        <EmptyState.Actions>
          <Button component={Link} to="/inbox">
            {t('nav.inbox')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
