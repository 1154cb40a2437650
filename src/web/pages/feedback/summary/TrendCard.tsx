import { Paper, Skeleton, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../../shared/contracts/survey-results.ts';
import { CardTitle } from './ScoreCards.tsx';

// ECharts is loaded only when a trend is drawn, so the main bundle stays small.
const TrendChart = lazy(() => import('./TrendChart.tsx'));

export function TrendCard({ summary, bucket }: { summary: SurveySummary; bucket: 'day' | 'week' | 'month' }) {
  const { t } = useTranslation();
  const hasPoints = summary.trend.some((point) => point.score.value !== null);
  return (
    <Paper withBorder radius="md" p="md" data-testid="summary-trend">
      <CardTitle>{t('summary.trend')}</CardTitle>
      {hasPoints ? (
        <Suspense fallback={<Skeleton height={240} aria-busy="true" />}>
          <TrendChart summary={summary} bucket={bucket} />
        </Suspense>
      ) : (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          {t('summary.noTrend')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('summary.trendHint')}
      </Text>
    </Paper>
  );
}
