import { Button, Group, Input, NumberInput, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThrottlingSettings } from '../../../shared/contracts/surveys.ts';
import { useSession } from '../../api/session.ts';
import { useSaveThrottling, useThrottling } from '../../api/surveys.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { NoPermission } from '../../components/NoPermission.tsx';
import { Page } from '../../components/Page.tsx';
import { fieldError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { canAdminister } from '../../lib/permissions.ts';

const clamp = (value: string | number, min: number, max: number) => Math.min(max, Math.max(min, Number(value) || min));

/** Workspace-wide protection from over-surveying: a gap between any two surveys and a cap per period. */
export function SurveySettings() {
  const { t } = useTranslation();
  const me = useSession();
  const editable = canAdminister(me.role);
  const current = useThrottling();
  const save = useSaveThrottling();
  const [form, setForm] = useState<ThrottlingSettings | null>(null);

  useEffect(() => {
    if (current.data) setForm(current.data);
  }, [current.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form) save.mutate(form, { onSuccess: () => notifySuccess(t('common.saved')) });
  };
  const known = ['minGapDays', 'maxPerPeriod', 'periodDays'].some((f) => fieldError(save.error, f));

  return (
    <Page title={t('settings.surveys')} description={t('surveySettings.description')} maxWidth={760}>
      {!editable && <NoPermission />}
      {current.isPending || !form ? (
        current.isError ? (
          <ErrorState error={current.error} onRetry={() => void current.refetch()} />
        ) : (
          <Skeleton height={240} radius="md" />
        )
      ) : (
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit}>
          <Stack gap="md">
            {save.error && !known ? <ErrorState error={save.error} /> : null}
            <NumberInput
              label={t('surveySettings.minGapDays')}
              description={t('surveySettings.minGapHint')}
              min={0}
              max={365}
              suffix={` ${t('surveyEditor.days')}`}
              w={420}
              value={form.minGapDays}
              onChange={(value) => setForm({ ...form, minGapDays: clamp(value, 0, 365) })}
              error={fieldError(save.error, 'minGapDays')}
              disabled={!editable}
              data-testid="min-gap-days"
            />
            <Input.Wrapper label={t('surveySettings.maxPerPeriod')} description={t('surveySettings.maxHint')}>
              <SimpleGrid cols={2} maw={420} spacing="sm" mt={6}>
                <NumberInput
                  label={t('surveySettings.maxCount')}
                  min={1}
                  max={100}
                  suffix={` ${t('surveySettings.times')}`}
                  value={form.maxPerPeriod}
                  onChange={(value) => setForm({ ...form, maxPerPeriod: clamp(value, 1, 100) })}
                  error={fieldError(save.error, 'maxPerPeriod')}
                  disabled={!editable}
                />
                <NumberInput
                  label={t('surveySettings.periodDays')}
                  min={1}
                  max={365}
                  suffix={` ${t('surveyEditor.days')}`}
                  value={form.periodDays}
                  onChange={(value) => setForm({ ...form, periodDays: clamp(value, 1, 365) })}
                  error={fieldError(save.error, 'periodDays')}
                  disabled={!editable}
                />
              </SimpleGrid>
            </Input.Wrapper>
            <Text size="sm" c="dimmed">
              {t('surveySettings.summary', {
                gap: form.minGapDays,
                count: form.maxPerPeriod,
                days: form.periodDays,
              })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('surveySettings.perSurveyNote')}
            </Text>
            {editable && (
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending} data-testid="throttling-save">
                  {t('common.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}
    </Page>
  );
}
