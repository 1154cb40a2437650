import { Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecoveryCaseDetail } from '../../../shared/contracts/recovery.ts';
import { useSetStep } from '../../api/recovery.ts';
import { useMembers } from '../../api/workspace.ts';
import { describeError } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { useLocale } from '../../lib/useLocale.ts';

/** The case's playbook: each step checked records who did it and when. */
export function PlaybookChecklist({ item, canWrite }: { item: RecoveryCaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const members = useMembers();
  const setStep = useSetStep(item.id);
  const name = (id: string | null) => (id ? members.data?.find((m) => m.id === id)?.name : undefined);
  const done = item.playbook.filter((step) => step.doneAt).length;

  return (
    <Paper withBorder radius="md" p="md" data-testid="case-playbook">
      <Group justify="space-between" mb={4}>
        <Title order={2} size="h5">
          {t('recovery.case.playbook')}
        </Title>
        <Text size="sm" c="dimmed">
          {done}/{item.playbook.length}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('recovery.case.playbookHint')}
      </Text>
      <Stack gap="xs">
        {item.playbook.map((step) => (
          <Group key={step.key} justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
            <Checkbox
              label={step.label}
              checked={step.doneAt !== null}
              disabled={!canWrite || setStep.isPending}
              onChange={(event) =>
                setStep.mutate(
                  { key: step.key, done: event.currentTarget.checked },
                  { onError: (error) => notifyError(t('errors.title'), describeError(error, t)) },
                )
              }
              data-testid={`step-${step.key}`}
              styles={{ label: { textDecoration: step.doneAt ? 'line-through' : undefined } }}
            />
            {step.doneAt && (
              <Text size="xs" c="dimmed" ta="right" style={{ whiteSpace: 'nowrap' }}>
                {[name(step.doneBy), formatDateTime(step.doneAt, locale)].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
