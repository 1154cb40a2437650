import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeAnalysis } from '../../../../shared/contracts/metrics.ts';
import { formatDate } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';

const TrendChart = lazy(() => import('../charts/TrendChart.tsx'));
const HeatmapChart = lazy(() => import('../charts/HeatmapChart.tsx'));

/** Next week's expected volume per day (with its low–high band) and per day × hour for staffing. */
export function ForecastCard({ forecast }: { forecast: VolumeAnalysis['forecast'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const one = useMemo(
    () => new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 }),
    [locale],
  );
  const points = forecast.days.map((day) => ({
    key: day.day,
    value: day.expected,
    n: 0,
    ci95: [day.low, day.high] as [number, number],
  }));
  const days = [...new Set(forecast.hours.map((cell) => cell.day))].sort();
  const dayFormat = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  });
  const rows = days.map((day) => dayFormat.format(new Date(`${day}T00:00:00Z`)));
  const cells = useMemo(
    () =>
      forecast.hours.map(
        (cell) => [days.indexOf(cell.day), cell.hour, Math.round(cell.expected * 10) / 10] as [number, number, number],
      ),
    [forecast.hours, days],
  );
  const valueText = useCallback(
    (value: number) => t('insights.volume.expectedCell', { n: one.format(value) }),
    [t, one],
  );
  const range = t('insights.drill.period', {
    from: formatDate(`${forecast.from}T00:00:00`, locale),
    to: formatDate(`${forecast.to}T00:00:00`, locale),
  });
  const empty = points.every((point) => point.value === 0);

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Paper withBorder radius="md" p="md" data-testid="volume-forecast">
        <Text fw={600}>{t('insights.volume.forecast')}</Text>
        <Text size="xs" c="dimmed" mb="xs">
          {range} · {t('insights.volume.forecastHint')}
        </Text>
        {empty ? (
          <Text size="sm" c="dimmed" py={80} ta="center">
            {t('insights.volume.noForecast')}
          </Text>
        ) : (
          <Suspense fallback={<Skeleton height={220} aria-busy="true" />}>
            <TrendChart points={points} unit="count" label={t('insights.volume.forecast')} bucket="day" forecast />
          </Suspense>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md" data-testid="volume-staffing">
        <Text fw={600}>{t('insights.volume.staffing')}</Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t('insights.volume.staffingHint')}
        </Text>
        {empty || rows.length === 0 ? (
          <Text size="sm" c="dimmed" py={80} ta="center">
            {t('insights.volume.noForecast')}
          </Text>
        ) : (
          <Suspense fallback={<Skeleton height={282} aria-busy="true" />}>
            <HeatmapChart rows={rows} cells={cells} label={t('insights.volume.staffing')} valueText={valueText} />
          </Suspense>
        )}
      </Paper>
    </SimpleGrid>
  );
}
