import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconRefresh, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCaseDetail } from '../../../shared/contracts/recovery.ts';
import { useUpdateCase } from '../../api/recovery.ts';
import { describeError } from '../../lib/errors.ts';
import { formatRelative } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { CloseCaseDialog } from './CloseCaseDialog.tsx';
import { FollowUpDialog } from './FollowUpDialog.tsx';
import { OutcomeBadge } from './look.tsx';

/** The outcome, the re-survey that measures it, and closing or reopening the case. */
export function OutcomePanel({ item, canWrite }: { item: RecoveryCaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateCase(item.id);
  const [dialog, setDialog] = useState<'close' | 'follow-up' | null>(null);
  const closed = item.status === 'closed';
  const followUp = item.followUp;

  const reopen = () =>
    update.mutate(
      { status: item.firstContactAt ? 'contacted' : 'new' },
      {
        onSuccess: () => notifySuccess(t('recovery.case.reopened')),
        onError: (error) => notifyError(t('errors.title'), describeError(error, t)),
      },
    );

  return (
    <Paper withBorder radius="md" p="md" data-testid="case-outcome-panel">
      <Title order={2} size="h5" mb={4}>
        {t('recovery.case.outcome')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('recovery.case.outcomeHint')}
      </Text>
      <Stack gap="xs">
        <Group gap="xs">
          {item.outcome ? (
            <OutcomeBadge outcome={item.outcome} />
          ) : (
            <Text size="sm">{t('recovery.case.noOutcome')}</Text>
          )}
          {item.outcomeScore !== null && (
            <Text size="sm" c="dimmed">
              {item.trigger.score !== null
                ? t('recovery.case.outcomeScore', { score: item.outcomeScore, original: item.trigger.score })
                : t('recovery.case.outcomeScoreManual', { score: item.outcomeScore })}
            </Text>
          )}
        </Group>
        {followUp && (
          <Text size="sm" c="dimmed" data-testid="follow-up-status">
            {followUp.answeredAt
              ? t('recovery.case.followUpAnswered', { time: formatRelative(followUp.answeredAt, locale) })
              : t('recovery.case.followUpWaiting', {
                  time: formatRelative(followUp.sentAt ?? item.updatedAt, locale),
                })}
          </Text>
        )}
        {canWrite && (
          <Group gap="xs" mt="xs">
            {closed ? (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} />}
                onClick={reopen}
                loading={update.isPending}
              >
                {t('recovery.case.reopen')}
              </Button>
            ) : (
              <>
                <Button
                  variant="light"
                  leftSection={<IconSend size={16} />}
                  onClick={() => setDialog('follow-up')}
                  data-testid="case-follow-up"
                >
                  {t('recovery.case.followUp')}
                </Button>
                <Button
                  leftSection={<IconCheck size={16} />}
                  onClick={() => setDialog('close')}
                  data-testid="case-close"
                >
                  {t('recovery.case.close')}
                </Button>
              </>
            )}
          </Group>
        )}
      </Stack>
      {dialog === 'close' && <CloseCaseDialog caseId={item.id} number={item.number} onClose={() => setDialog(null)} />}
      {dialog === 'follow-up' && <FollowUpDialog item={item} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
