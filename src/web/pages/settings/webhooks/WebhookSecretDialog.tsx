import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/CopyField.tsx';

/** The signing secret, shown this once after creating an endpoint or rotating its secret. */
export function WebhookSecretDialog({ secret, onClose }: { secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('webhooks.secretTitle')} size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
          {t('webhooks.secretOnce')}
        </Alert>
        <CopyField value={secret} testId="webhook-secret" />
        <Text size="sm" c="dimmed">
          {t('webhooks.secretHowTo')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="webhook-secret-close">
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
