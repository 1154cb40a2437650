import { Anchor, Box, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RecoveryCaseDetail } from '../../../shared/contracts/recovery.ts';
import { useCase } from '../../api/recovery.ts';
import { useSession } from '../../api/session.ts';
import { CollapsibleText } from '../../components/CollapsibleText.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { ActionItems } from './ActionItems.tsx';
import { CaseLog } from './CaseLog.tsx';
import { CaseSidebar } from './CaseSidebar.tsx';
import { TriggerBadge } from './look.tsx';
import { OutcomePanel } from './OutcomePanel.tsx';
import { PlaybookChecklist } from './PlaybookChecklist.tsx';

function TriggerCard({ item }: { item: RecoveryCaseDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const comment = item.trigger.comment;
  return (
    <Paper withBorder radius="md" p="md" data-testid="case-trigger">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {t('recovery.case.trigger')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('recovery.case.openedBy', { time: formatDateTime(item.openedAt, locale) })}
        </Text>
      </Group>
      <Group gap="xs" mb="xs">
        <TriggerBadge trigger={item.trigger} />
        {item.triggerResponse?.surveyName && (
          <Text size="xs" c="dimmed">
            {t('recovery.case.survey', { name: item.triggerResponse.surveyName })}
          </Text>
        )}
      </Group>
      {comment && <CollapsibleText text={comment} maxHeight={120} />}
      {item.reason && (
        <Box mt={comment ? 'xs' : 0}>
          <Text size="xs" c="dimmed">
            {t('recovery.case.reason')}
          </Text>
          <CollapsibleText text={item.reason} maxHeight={120} />
        </Box>
      )}
    </Paper>
  );
}

/** One case: what opened it, the playbook, action items, outcome and the log, beside who/where/when. */
export function RecoveryCasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const me = useSession();
  const item = useCase(caseId);
  const canWrite = me.role !== 'viewer';

  const back = (
    <Anchor component={Link} to="/recovery" size="sm" mb="sm" display="inline-block">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('recovery.case.back')}
      </Group>
    </Anchor>
  );

  if (item.isPending) {
    return (
      <Box px="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width={280} mb="md" />
        <Group align="flex-start" gap="md" wrap="nowrap">
          <Stack style={{ flex: 1 }}>
            <Skeleton height={120} />
            <Skeleton height={220} />
          </Stack>
          <Skeleton height={360} w={300} />
        </Group>
      </Box>
    );
  }
  if (item.isError) {
    return (
      <Box px="xl" py="lg">
        {back}
        <ErrorState error={item.error} onRetry={() => void item.refetch()} />
      </Box>
    );
  }
  const data = item.data;
  const name = data.contact?.name || data.contact?.email || t('customers.noName');

  return (
    <Page above={back} title={`${t('recovery.case.title', { number: data.number })} · ${name}`} maxWidth={1200}>
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr) minmax(260px, 320px)',
          gap: 'var(--mantine-spacing-md)',
          alignItems: 'start',
        }}
        data-testid="case-page"
        data-status={data.status}
      >
        <Stack gap="md">
          <TriggerCard item={data} />
          <PlaybookChecklist item={data} canWrite={canWrite} />
          <ActionItems item={data} canWrite={canWrite} />
          <OutcomePanel item={data} canWrite={canWrite} />
          <CaseLog item={data} />
        </Stack>
        <CaseSidebar item={data} canWrite={canWrite} />
      </Box>
    </Page>
  );
}
