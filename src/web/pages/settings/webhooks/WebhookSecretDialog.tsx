import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/CopyField.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';

/** The signing secret, shown this once after creating an endpoint or rotating its secret. */
export function WebhookSecretDialog({
  secret,
  previousUntil = null,
  onClose,
}: {
  secret: string;
  /** After a rotation with an overlap: until when the old secret signs too. */
  previousUntil?: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Modal opened onClose={onClose} title={t('webhooks.secretTitle')} size="lg" closeOnClickOutside={false}>
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
          {t('webhooks.secretOnce')}
        </Alert>
        <CopyField value={secret} testId="webhook-secret" />
        {previousUntil && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle />} data-testid="webhook-secret-overlap">
            {t('webhooks.overlapUntil', { time: formatDateTime(previousUntil, locale) })}
          </Alert>
        )}
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
