import { Box, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightsFilters } from '../../../api/metrics.ts';
import { useRecoveryMetrics } from '../../../api/recovery.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { InsightsFrame } from '../InsightsFrame.tsx';
import { TitledCard } from '../TitledCard.tsx';
import { Breakdown } from './Breakdown.tsx';
import { Causes } from './Causes.tsx';
import { type Drill, DrillDrawer } from './DrillDrawer.tsx';
import { Escalations } from './Escalations.tsx';
import { Headlines } from './Headlines.tsx';
import { PeriodBar } from './PeriodBar.tsx';

// ECharts loads only when the trend is drawn.
const TrendChart = lazy(() => import('../charts/TrendChart.tsx'));

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function RecoveryBody({ filters }: { filters: InsightsFilters }) {
  const { t } = useTranslation();
  const [drill, setDrill] = useState<Drill | null>(null);
  const report = useRecoveryMetrics({ from: filters.from, to: filters.to });
  let top: React.ReactNode;
  if (report.isPending) {
    top = (
      <Stack gap="md" aria-busy="true">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
          {[0, 1, 2, 3, 4].map((i) => (
            <Skeleton key={i} height={130} radius="md" />
          ))}
        </SimpleGrid>
        <Skeleton height={300} radius="md" />
      </Stack>
    );
  } else if (report.isError) {
    top = <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  } else {
    const data = report.data;
    const points = data.series.map((point) => ({ key: point.key, value: point.opened, n: point.opened, ci95: null }));
    top = (
      <Stack gap="md">
        <Headlines data={data} onDrill={setDrill} />
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
          <Box style={{ gridColumn: 'span 2' }}>
            <TitledCard
              title={t('recovery.insights.openedOverTime')}
              hint={t('recovery.insights.n', { n: data.opened })}
              testId="recovery-trend"
            >
              <Suspense fallback={<Skeleton height={260} />}>
                <TrendChart
                  points={points}
                  unit="count"
                  bars
                  label={t('recovery.insights.opened')}
                  bucket={data.bucket}
                  onPointClick={(key) =>
                    setDrill({
                      kind: 'cases',
                      title: t('recovery.insights.opened'),
                      query: {
                        period: 'opened',
                        from: [key, data.from].sort()[1] ?? key,
                        to: data.bucket === 'day' ? key : ([addDays(key, 6), data.to].sort()[0] ?? key),
                      },
                    })
                  }
                  testId="recovery-trend-chart"
                />
              </Suspense>
            </TitledCard>
          </Box>
          <Causes data={data} onDrill={setDrill} />
        </SimpleGrid>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {top}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <Box style={{ gridColumn: 'span 2' }}>
          <Breakdown filters={filters} onDrill={setDrill} />
        </Box>
        <Escalations filters={filters} onDrill={setDrill} />
      </SimpleGrid>
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Stack>
  );
}

/** Insights → Recovery: the recovery program's figures and the escalation rate, each opening its items. */
export function RecoveryInsightsPage() {
  const { t } = useTranslation();
  return (
    <InsightsFrame
      active="recovery"
      title={t('recovery.insights.title')}
      description={t('recovery.insights.description')}
      filterBar={(state) => <PeriodBar state={state} />}
    >
      {(state) => <RecoveryBody filters={state.filters} />}
    </InsightsFrame>
  );
}
