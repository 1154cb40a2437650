import { Group, Paper, Skeleton, Text } from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type InsightsFilters, useHeatmap } from '../../../api/metrics.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { useDrilldownParams } from '../drilldown/useDrilldownParams.ts';

const HeatmapChart = lazy(() => import('../charts/HeatmapChart.tsx'));

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Conversations created per weekday (月 … 日) and hour, in the workspace's time zone. */
export function HeatmapCard({ filters }: { filters: InsightsFilters }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heatmap = useHeatmap(filters);
  const rows = WEEKDAYS.map((day) => t(`insights.weekday.${day}`));
  const cells = useMemo(
    () =>
      (heatmap.data?.cells ?? []).map(
        (cell) => [cell.weekday - 1, cell.hour, cell.created] as [number, number, number],
      ),
    [heatmap.data],
  );
  const total = cells.reduce((sum, cell) => sum + cell[2], 0);
  const drill = useDrilldownParams();
  const openCell = useCallback(
    ({ row, hour }: { row: number; hour: number }) =>
      drill.open({
        metric: 'created',
        weekday: row + 1,
        hour,
        label: `${rows[row] ?? ''} ${t('insights.heatmap.hourRange', { from: hour, to: hour + 1 })}`,
      }),
    [drill, rows, t],
  );
  const valueText = useCallback(
    (value: number) => t('insights.heatmap.cell', { n: formatNumber(value, locale) }),
    [t, locale],
  );

  return (
    <Paper withBorder radius="md" p="md" data-testid="insights-heatmap">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600}>{t('insights.heatmap.title')}</Text>
        <Text size="xs" c="dimmed">
          {t('insights.heatmap.hint')}
        </Text>
      </Group>
      {heatmap.isPending ? (
        <Skeleton height={282} aria-busy="true" />
      ) : heatmap.isError ? (
        <ErrorState error={heatmap.error} onRetry={() => void heatmap.refetch()} />
      ) : total === 0 ? (
        <Text size="sm" c="dimmed" py={100} ta="center">
          {t('insights.heatmap.empty')}
        </Text>
      ) : (
        <Suspense fallback={<Skeleton height={282} aria-busy="true" />}>
          <HeatmapChart
            rows={rows}
            cells={cells}
            label={t('insights.heatmap.title')}
            valueText={valueText}
            testId="insights-heatmap-chart"
            onCellClick={openCell}
          />
        </Suspense>
      )}
    </Paper>
  );
}
