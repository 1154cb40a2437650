import { Anchor, Button, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconChartBar, IconMessageStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MetricsReport } from '../../../../shared/contracts/metrics.ts';
import {
  type InsightsFilters,
  useAnnotations,
  useGoalProgress,
  useMetrics,
  useReferences,
} from '../../../api/metrics.ts';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { useDrilldownParams } from '../drilldown/useDrilldownParams.ts';
import { workspaceGoal } from '../figures.ts';
import { InsightsFrame } from '../InsightsFrame.tsx';
import { trendBucket } from '../period.ts';
import { BreakdownCard } from './BreakdownCard.tsx';
import { HeadlineCard } from './HeadlineCard.tsx';
import { HeatmapCard } from './HeatmapCard.tsx';
import { type Headline, headlines } from './headlines.ts';
import { TrendsSection } from './TrendsSection.tsx';

function HeadlineSkeleton() {
  return (
    <Stack gap="md" aria-busy="true">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {[1, 2, 3].map((key) => (
          <Skeleton key={key} height={170} />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {[1, 2, 3, 4].map((key) => (
          <Skeleton key={key} height={170} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** No answers in the period: say what will appear here and how to get it. */
function NoAnswersCard() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="insights-no-answers">
      <Stack gap={6} align="flex-start" justify="center" h="100%">
        <Text fw={600}>{t('insights.empty.answersTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('insights.empty.answersText')}
        </Text>
        <Anchor component={Link} to="/feedback/surveys" size="sm">
          {t('insights.empty.answersAction')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

function Headlines({ report, trend }: { report: MetricsReport; trend: MetricsReport | undefined }) {
  const { t } = useTranslation();
  const progress = useGoalProgress();
  const references = useReferences();
  const drill = useDrilldownParams();
  const cards = headlines(report, trend?.groups ?? []);
  const card = (headline: Headline) => (
    <HeadlineCard
      key={headline.id}
      headline={headline}
      goal={headline.goalMetric ? workspaceGoal(progress.data, headline.goalMetric) : undefined}
      reference={references.data?.references.find((item) => item.metric === headline.goalMetric)}
      onOpen={() => drill.open({ metric: headline.drill })}
    />
  );
  const satisfaction = cards.slice(0, 3);
  const noAnswers = satisfaction.every((headline) => headline.n === 0);
  return (
    <Stack gap="xs">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {t('insights.sections.satisfaction')}
      </Text>
      {noAnswers ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {card(satisfaction[0] as Headline)}
          <NoAnswersCard />
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {satisfaction.map(card)}
        </SimpleGrid>
      )}
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs">
        {t('insights.sections.service')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {cards.slice(3).map(card)}
      </SimpleGrid>
    </Stack>
  );
}

function OverviewBody({ filters }: { filters: InsightsFilters }) {
  const { t } = useTranslation();
  const bucket = trendBucket(filters.from, filters.to);
  const report = useMetrics(filters, { compare: true });
  const trend = useMetrics(filters, { by: bucket });
  const progress = useGoalProgress();
  const references = useReferences();
  const annotations = useAnnotations(filters.from, filters.to);

  if (report.isPending) return <HeadlineSkeleton />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const data = report.data;
  const nothing =
    data.volume.created === 0 &&
    data.volume.resolved === 0 &&
    data.csat.n + data.nps.n + data.ces7.n + data.ces5.n === 0 &&
    data.first_response.n === 0;
  if (nothing) {
    return (
      <Empty
        icon={<IconChartBar />}
        title={t('insights.empty.title')}
        description={t('insights.empty.text')}
        action={
          <Button component={Link} to="/feedback/surveys" variant="light" leftSection={<IconMessageStar size={16} />}>
            {t('insights.empty.answersAction')}
          </Button>
        }
      />
    );
  }
  return (
    <Stack gap="md">
      <Headlines report={data} trend={trend.data} />
      {trend.isPending ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} aria-busy="true">
          {[1, 2, 3, 4].map((key) => (
            <Skeleton key={key} height={270} />
          ))}
        </SimpleGrid>
      ) : trend.isError ? (
        <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
      ) : (
        <TrendsSection
          groups={trend.data.groups}
          bucket={bucket}
          references={references.data}
          progress={progress.data}
          annotations={annotations.data}
        />
      )}
      <HeatmapCard filters={filters} />
      <BreakdownCard filters={filters} progress={progress.data} />
    </Stack>
  );
}

export function OverviewPage() {
  const { t } = useTranslation();
  return (
    <InsightsFrame active="overview" title={t('insights.title')} description={t('insights.overviewDescription')}>
      {(state) => <OverviewBody filters={state.filters} />}
    </InsightsFrame>
  );
}
