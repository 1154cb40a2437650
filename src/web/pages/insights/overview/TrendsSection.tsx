import { Group, Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Annotation,
  GoalMetric,
  GoalProgress,
  MetricGroup,
  MetricReferences,
} from '../../../../shared/contracts/metrics.ts';
import type { TrendPoint } from '../charts/TrendChart.tsx';
import { type FigureUnit, workspaceGoal } from '../figures.ts';

// ECharts loads only when a trend is drawn.
const TrendChart = lazy(() => import('../charts/TrendChart.tsx'));

interface TrendSpec {
  id: 'csat' | 'nps' | 'first_response' | 'resolution';
  metric: GoalMetric;
  unit: FigureUnit;
  point: (group: MetricGroup) => TrendPoint;
}

const SPECS: TrendSpec[] = [
  {
    id: 'csat',
    metric: 'csat.percent',
    unit: 'percent',
    point: (g) => ({ key: g.key, value: g.csat.percent, n: g.csat.n, ci95: g.csat.ci95 }),
  },
  {
    id: 'nps',
    metric: 'nps.score',
    unit: 'index',
    point: (g) => ({ key: g.key, value: g.nps.score, n: g.nps.n, ci95: g.nps.ci95 }),
  },
  {
    id: 'first_response',
    metric: 'first_response.median_seconds',
    unit: 'duration',
    point: (g) => ({ key: g.key, value: g.first_response.median_seconds, n: g.first_response.n, ci95: null }),
  },
  {
    id: 'resolution',
    metric: 'resolution.median_seconds',
    unit: 'duration',
    point: (g) => ({ key: g.key, value: g.resolution.median_seconds, n: g.resolution.n, ci95: null }),
  },
];

interface TrendsSectionProps {
  groups: MetricGroup[];
  bucket: 'day' | 'week';
  references: MetricReferences | undefined;
  progress: GoalProgress[] | undefined;
  annotations: Annotation[] | undefined;
}

/** CSAT and NPS in their interval bands; first response and resolution medians against goal and benchmark. */
export function TrendsSection({ groups, bucket, references, progress, annotations }: TrendsSectionProps) {
  const { t } = useTranslation();
  const sorted = [...groups].sort((a, b) => a.key.localeCompare(b.key));
  const notes = (annotations ?? []).map((note) => ({ day: note.day, label: note.label }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-testid="insights-trends">
      {SPECS.map((spec) => {
        const points = sorted.map(spec.point);
        const hasData = points.some((point) => point.value !== null);
        const reference = references?.references.find((item) => item.metric === spec.metric);
        const goal = workspaceGoal(progress, spec.metric);
        const title = t(`insights.trends.${spec.id}`);
        return (
          <Paper key={spec.id} withBorder radius="md" p="md" data-testid={`trend-${spec.id}`}>
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Text fw={600}>{title}</Text>
              <Text size="xs" c="dimmed" ta="right">
                {spec.unit === 'duration' ? t('insights.trends.durationHint') : t('insights.trends.bandHint')}
              </Text>
            </Group>
            {hasData ? (
              <Suspense fallback={<Skeleton height={220} aria-busy="true" />}>
                <TrendChart
                  points={points}
                  unit={spec.unit}
                  label={title}
                  bucket={bucket}
                  goal={goal?.goal.target ?? null}
                  benchmark={reference ?? null}
                  annotations={notes}
                />
              </Suspense>
            ) : (
              <Text size="sm" c="dimmed" py={80} ta="center">
                {t(`insights.trends.empty.${spec.id}`)}
              </Text>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
