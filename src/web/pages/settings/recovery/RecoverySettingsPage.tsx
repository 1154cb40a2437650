import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoverySettings } from '../../../../shared/contracts/recovery.ts';
import { useCalendars } from '../../../api/calendars.ts';
import { useRecoverySettings, useSaveRecoverySettings } from '../../../api/recovery.ts';
import { useSession } from '../../../api/session.ts';
import { useSurveys } from '../../../api/surveys.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Page } from '../../../components/Page.tsx';
import { fieldError } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { canManage } from '../../../lib/permissions.ts';
import { PlaybookEditor } from './PlaybookEditor.tsx';

type Thresholds = RecoverySettings['thresholds'];

function SettingsForm({ settings, editable }: { settings: RecoverySettings; editable: boolean }) {
  const { t } = useTranslation();
  const calendars = useCalendars();
  const surveys = useSurveys();
  const save = useSaveRecoverySettings();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [thresholds, setThresholds] = useState<Thresholds>(settings.thresholds);
  const [hours, setHours] = useState(Math.floor(settings.firstContactSeconds / 3600));
  const [minutes, setMinutes] = useState(Math.round((settings.firstContactSeconds % 3600) / 60));
  const [calendarId, setCalendarId] = useState(settings.calendarId);
  const [followUpSurveyId, setFollowUpSurveyId] = useState(settings.followUpSurveyId);

  useEffect(() => {
    setEnabled(settings.enabled);
    setThresholds(settings.thresholds);
  }, [settings]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        enabled,
        thresholds,
        firstContactSeconds: hours * 3600 + minutes * 60,
        calendarId,
        followUpSurveyId,
      },
      { onSuccess: () => notifySuccess(t('recovery.settings.saved')) },
    );
  };

  const threshold = (key: keyof Thresholds, min: number, max: number) => (
    <NumberInput
      key={key}
      label={t(`recovery.settings.${key}`)}
      min={min}
      max={max}
      value={thresholds[key]}
      onChange={(value) => setThresholds({ ...thresholds, [key]: Number(value) || min })}
      disabled={!editable || !enabled}
      error={fieldError(save.error, `thresholds.${key}`)}
      data-testid={`threshold-${key}`}
    />
  );
  const known =
    save.error && ['firstContactSeconds', 'calendarId', 'followUpSurveyId'].some((f) => fieldError(save.error, f));

  return (
    <form onSubmit={submit} noValidate>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          {save.error && !known ? <ErrorState error={save.error} /> : null}
          <Switch
            label={t('recovery.settings.enabled')}
            description={t('recovery.settings.enabledHint')}
            checked={enabled}
            onChange={(event) => setEnabled(event.currentTarget.checked)}
            disabled={!editable}
            data-testid="recovery-enabled"
          />
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('recovery.settings.thresholds')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('recovery.settings.thresholdsHint')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} maw={560}>
              {threshold('csatMax', 1, 5)}
              {threshold('npsMax', 0, 10)}
              {threshold('ces7Max', 1, 7)}
              {threshold('ces5Min', 1, 5)}
            </SimpleGrid>
          </Stack>
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('recovery.settings.firstContact')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('recovery.settings.firstContactHint')}
            </Text>
            <Group gap="xs" align="flex-start">
              <NumberInput
                aria-label={t('recovery.settings.hours')}
                rightSection={<Text size="xs">{t('recovery.settings.hours')}</Text>}
                rightSectionWidth={56}
                min={0}
                max={720}
                w={130}
                value={hours}
                onChange={(value) => setHours(Number(value) || 0)}
                disabled={!editable}
                error={fieldError(save.error, 'firstContactSeconds')}
                data-testid="first-contact-hours"
              />
              <NumberInput
                aria-label={t('recovery.settings.minutes')}
                rightSection={<Text size="xs">{t('recovery.settings.minutes')}</Text>}
                rightSectionWidth={44}
                min={0}
                max={59}
                step={5}
                w={110}
                value={minutes}
                onChange={(value) => setMinutes(Number(value) || 0)}
                disabled={!editable}
              />
            </Group>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('recovery.settings.calendar')}
              placeholder={t('recovery.settings.calendarDefault')}
              description={t('recovery.settings.calendarHint')}
              data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={calendarId}
              onChange={setCalendarId}
              clearable
              disabled={!editable}
              error={fieldError(save.error, 'calendarId')}
            />
            <Select
              label={t('recovery.settings.followUpSurvey')}
              placeholder={t('recovery.settings.followUpSurveyDefault')}
              description={t('recovery.settings.followUpSurveyHint')}
              data={(surveys.data ?? [])
                .filter((s) => s.kind !== 'rating' && s.status !== 'archived')
                .map((s) => ({ value: s.id, label: s.name }))}
              value={followUpSurveyId}
              onChange={setFollowUpSurveyId}
              clearable
              disabled={!editable}
              error={fieldError(save.error, 'followUpSurveyId')}
            />
          </SimpleGrid>
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} data-testid="recovery-settings-save">
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </form>
  );
}

/** Settings → Service recovery: thresholds, first-contact due time, calendar, re-survey, playbooks. */
export function RecoverySettingsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const settings = useRecoverySettings();
  const editable = canManage(me.role);
  return (
    <Page title={t('recovery.settings.title')} description={t('recovery.settings.description')} maxWidth={960}>
      <Stack gap="xl">
        {settings.isPending && <Skeleton height={360} radius="md" aria-busy="true" />}
        {settings.isError && <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />}
        {settings.data && (
          <SettingsForm key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} editable={editable} />
        )}
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('recovery.settings.playbooks')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('recovery.settings.playbooksHint')}
          </Text>
          <PlaybookEditor editable={editable} />
        </Stack>
      </Stack>
    </Page>
  );
}
