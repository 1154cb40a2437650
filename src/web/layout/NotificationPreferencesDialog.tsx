import { Alert, Button, Group, Modal, Select, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { IconAt } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../api/notifications.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { formatDateTime } from '../lib/format.ts';
import { notifySuccess } from '../lib/notify.ts';
import { useLocale } from '../lib/useLocale.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** The member's own notification settings: the optional daily email digest and its hour. */
export function NotificationPreferencesDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const preferences = useNotificationPreferences(opened);
  const save = useSaveNotificationPreferences();
  const [dailyDigest, setDailyDigest] = useState(false);
  const [digestHour, setDigestHour] = useState(9);

  useEffect(() => {
    if (!preferences.data) return;
    setDailyDigest(preferences.data.dailyDigest);
    setDigestHour(preferences.data.digestHour);
  }, [preferences.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { dailyDigest, digestHour },
      {
        onSuccess: () => {
          notifySuccess(t('notifications.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={() => {
        save.reset();
        onClose();
      }}
      title={t('notifications.settingsTitle')}
    >
      {preferences.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={40} />
          <Skeleton height={56} />
        </Stack>
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {save.error ? <ErrorState error={save.error} /> : null}
            <Switch
              label={t('notifications.digest')}
              description={t('notifications.digestHint')}
              checked={dailyDigest}
              onChange={(event) => setDailyDigest(event.currentTarget.checked)}
              data-testid="digest-enabled"
            />
            <Select
              label={t('notifications.digestHour')}
              description={t('notifications.digestHourHint', { timeZone: preferences.data.timeZone })}
              data={HOURS.map((hour) => ({
                value: String(hour),
                label: t('notifications.hourOption', { hour: String(hour).padStart(2, '0') }),
              }))}
              value={String(digestHour)}
              onChange={(value) => value !== null && setDigestHour(Number(value))}
              disabled={!dailyDigest}
              allowDeselect={false}
              data-testid="digest-hour"
            />
            {preferences.data.lastDigestAt && (
              <Text size="xs" c="dimmed">
                {t('notifications.lastDigest', { time: formatDateTime(preferences.data.lastDigestAt, locale) })}
              </Text>
            )}
            <Alert variant="light" color="gray" icon={<IconAt size={16} />}>
              <Text size="sm">{t('notifications.mentionHelp')}</Text>
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="digest-save">
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
