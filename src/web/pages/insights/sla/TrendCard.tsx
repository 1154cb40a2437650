import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightsFilters } from '../../../api/metrics.ts';
import { useSlaReport } from '../../../api/sla.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { trendBucket } from '../period.ts';
import { TitledCard } from '../TitledCard.tsx';

// ECharts loads only when a trend is drawn.
const TrendChart = lazy(() => import('../charts/TrendChart.tsx'));

/** Attainment of all targets per day (or per week for long periods, as the other trends), in its 95 % band. */
export function TrendCard({ filters }: { filters: InsightsFilters }) {
  const { t } = useTranslation();
  const bucket = trendBucket(filters.from, filters.to);
  const report = useSlaReport(filters, bucket);
  const points = (report.data?.groups ?? []).map((g) => ({
    key: g.key,
    value: g.all.attainment_percent,
    n: g.all.applied,
    ci95: g.all.ci95,
  }));
  return (
    <TitledCard
      title={t('sla.insights.trendTitle')}
      hint={bucket === 'day' ? t('sla.insights.trendHintDay') : t('sla.insights.trendHint')}
      testId="sla-trend"
    >
      {report.isPending ? (
        <Skeleton h={220} />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Suspense fallback={<Skeleton h={220} />}>
          <TrendChart points={points} unit="percent" label={t('sla.insights.all')} bucket={bucket} />
        </Suspense>
      )}
    </TitledCard>
  );
}
