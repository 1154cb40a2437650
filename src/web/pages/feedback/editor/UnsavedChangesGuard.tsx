import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/** Asks before leaving with unsaved changes, inside the app and when closing the tab. */
export function UnsavedChangesGuard({ when }: { when: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('surveyEditor.leaveTitle')}>
      <Stack gap="md">
        <Text size="sm">{t('surveyEditor.leaveMessage')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            {t('surveyEditor.keepEditing')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()} data-testid="leave-anyway">
            {t('surveyEditor.discard')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
