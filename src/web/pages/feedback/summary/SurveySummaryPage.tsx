import { Box, Button, Group, Select, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconCalendar, IconPencil, IconSend, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { CHANNELS } from '../../../../shared/contracts/conversations.ts';
import type { Survey } from '../../../../shared/contracts/surveys.ts';
import { useSession } from '../../../api/session.ts';
import { useSurveySummary } from '../../../api/surveySummary.ts';
import { useSurvey } from '../../../api/surveys.ts';
import { useMembers, useTeams } from '../../../api/workspace.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Page } from '../../../components/Page.tsx';
import { SurveyKindBadge, SurveyStatusBadge } from '../../../components/SurveyBadges.tsx';
import { canManage } from '../../../lib/permissions.ts';
import { BackToSurveys } from '../BackToSurveys.tsx';
import { SendSurveyDialog } from '../send/SendSurveyDialog.tsx';
import { DistributionCard } from './DistributionCard.tsx';
import { FunnelCard } from './FunnelCard.tsx';
import { LatestComments } from './LatestComments.tsx';
import { NoResponses } from './NoResponses.tsx';
import { isPeriod, PERIODS, type Period, periodFilters } from './period.ts';
import { ScoreCards } from './ScoreCards.tsx';
import { TrendCard } from './TrendCard.tsx';

function SummarySkeleton() {
  return (
    <Stack gap="md" aria-busy="true">
      <SimpleGrid cols={3}>
        <Skeleton height={150} />
        <Skeleton height={150} />
        <Skeleton height={150} />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Skeleton height={260} />
        <Skeleton height={260} />
      </SimpleGrid>
    </Stack>
  );
}

function SummaryBody({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const me = useSession();
  const members = useMembers();
  const teams = useTeams();
  const [params, setParams] = useSearchParams();
  const [sending, setSending] = useState(false);
  const periodParam = params.get('period');
  const period: Period = isPeriod(periodParam) ? periodParam : '90d';
  const slice = {
    channel: params.get('channel') ?? undefined,
    teamId: params.get('teamId') ?? undefined,
    agentId: params.get('agentId') ?? undefined,
  };
  const dates = periodFilters(period, me.workspace.timeZone);
  const summary = useSurveySummary(survey.id, { ...dates, ...slice });
  const editable = canManage(me.role);

  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const narrowed = Boolean(slice.channel || slice.teamId || slice.agentId || period !== 'all');
  const isEmpty = (data: typeof summary.data) =>
    Boolean(data && data.score.n === 0 && data.funnel.delivered === 0 && data.skipped === 0);
  // Nothing in this period or slice: is there anything at all? That decides which empty state helps.
  const allTime = useSurveySummary(survey.id, { bucket: 'month' }, narrowed && isEmpty(summary.data));
  let body: React.ReactNode;
  if (summary.isPending || (narrowed && isEmpty(summary.data) && allTime.isPending)) body = <SummarySkeleton />;
  else if (summary.isError) body = <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  else if (isEmpty(summary.data))
    body = (
      <NoResponses
        survey={survey}
        filtered={narrowed && !isEmpty(allTime.data)}
        onSend={editable ? () => setSending(true) : undefined}
      />
    );
  else
    body = (
      <Stack gap="md">
        <ScoreCards summary={summary.data} />
        {summary.data.score.n === 0 ? (
          // Sent but not answered yet: how far the invitations got is the useful part.
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <FunnelCard summary={summary.data} />
            <NoResponses
              survey={survey}
              filtered={false}
              waiting
              onSend={editable ? () => setSending(true) : undefined}
            />
          </SimpleGrid>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <DistributionCard summary={summary.data} />
              <FunnelCard summary={summary.data} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <TrendCard summary={summary.data} bucket={dates.bucket ?? 'day'} />
              <LatestComments summary={summary.data} />
            </SimpleGrid>
          </>
        )}
      </Stack>
    );

  return (
    <Page
      above={<BackToSurveys />}
      title={survey.name}
      maxWidth={1280}
      description={
        <Group gap="xs" mt={2}>
          <SurveyKindBadge kind={survey.kind} />
          <SurveyStatusBadge status={survey.status} />
        </Group>
      }
      actions={
        <>
          <Button
            component={Link}
            to={`/feedback/surveys/${survey.id}`}
            variant="default"
            leftSection={<IconPencil size={16} />}
          >
            {t('summary.editSurvey')}
          </Button>
          {editable && survey.status !== 'archived' && (
            <Button leftSection={<IconSend size={16} />} onClick={() => setSending(true)}>
              {t('send.title')}
            </Button>
          )}
        </>
      }
    >
      <Stack gap="md">
        <Group gap="xs" wrap="wrap" data-testid="summary-filters">
          <Select
            aria-label={t('summary.period')}
            leftSection={<IconCalendar size={16} />}
            data={PERIODS.map((p) => ({ value: p, label: t(`summary.periods.${p}`) }))}
            value={period}
            onChange={(value) => set('period', value === '90d' ? null : value)}
            allowDeselect={false}
            w={170}
          />
          <Select
            aria-label={t('inbox.channel')}
            placeholder={t('inbox.anyChannel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            value={slice.channel ?? null}
            onChange={(value) => set('channel', value)}
            clearable
            w={140}
          />
          <Select
            aria-label={t('inbox.team')}
            placeholder={t('inbox.anyTeam')}
            leftSection={<IconUsersGroup size={16} />}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={slice.teamId ?? null}
            onChange={(value) => set('teamId', value)}
            clearable
            w={150}
          />
          <Select
            aria-label={t('responses.agent')}
            placeholder={t('responses.anyAgent')}
            leftSection={<IconUser size={16} />}
            data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={slice.agentId ?? null}
            onChange={(value) => set('agentId', value)}
            clearable
            searchable
            w={170}
          />
        </Group>
        {body}
      </Stack>
      {sending && <SendSurveyDialog survey={survey} onClose={() => setSending(false)} />}
    </Page>
  );
}

export function SurveySummaryPage() {
  const { surveyId = '' } = useParams();
  const survey = useSurvey(surveyId);
  if (survey.isPending) {
    return (
      <Box px="xl" py="lg">
        <Skeleton height={32} width={320} mb="lg" />
        <SummarySkeleton />
      </Box>
    );
  }
  if (survey.isError) {
    return (
      <Box px="xl" py="lg">
        <BackToSurveys />
        <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />
      </Box>
    );
  }
  return <SummaryBody survey={survey.data} />;
}
