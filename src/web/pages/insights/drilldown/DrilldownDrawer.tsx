import { Drawer, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DrilldownMetric } from '../../../../shared/contracts/metrics.ts';
import { type InsightsFilters, useDrilldown } from '../../../api/metrics.ts';
import { useSession } from '../../../api/session.ts';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { bandLabel } from '../../../components/SurveyBadges.tsx';
import { browserTimeZone, formatDate, formatNumber } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { DrilldownItemRow } from './DrilldownItemRow.tsx';
import { useDrilldownParams } from './useDrilldownParams.ts';

const SCORE_BANDS = ['negative', 'neutral', 'positive'] as const;
const RATE_METRICS: DrilldownMetric[] = ['fcr', 'one_touch', 'reopen'];

function BandFilter({ metric }: { metric: DrilldownMetric }) {
  const { t } = useTranslation();
  const drill = useDrilldownParams();
  const scored = metric === 'csat' || metric === 'nps' || metric === 'ces7' || metric === 'ces5';
  if (!scored && !RATE_METRICS.includes(metric)) return null;
  const options = scored
    ? SCORE_BANDS.map((band) => ({ value: band, label: bandLabel(metric, band, t) }))
    : [
        { value: 'counted', label: t(`insights.drill.counted.${metric as 'fcr'}`) },
        { value: 'not_counted', label: t(`insights.drill.notCounted.${metric as 'fcr'}`) },
      ];
  return (
    <SegmentedControl
      size="xs"
      fullWidth
      aria-label={t('insights.drill.band')}
      value={drill.current?.band ?? 'all'}
      onChange={(value) => drill.setBand(value === 'all' ? undefined : (value as 'counted'))}
      data={[{ value: 'all', label: t('insights.drill.all') }, ...options]}
      data-testid="drilldown-band"
    />
  );
}

/** The conversations or responses behind the figure named in the URL, newest first, loaded page by page. */
export function DrilldownDrawer({ filters }: { filters: InsightsFilters }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const drill = useDrilldownParams();
  const target = drill.current;
  const query = useDrilldown(filters, target);
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];
  const total = query.data?.pages[0]?.total;
  const metricName = target ? t(`insights.drill.metric.${target.metric}`) : '';
  const timeZone = useSession().workspace.timeZone;

  return (
    <Drawer
      opened={target !== null}
      onClose={drill.close}
      position="right"
      size="lg"
      title={
        <Stack gap={0}>
          <Text fw={650} size="lg" data-testid="drilldown-title">
            {target?.label ? `${metricName} — ${target.label}` : metricName}
          </Text>
          <Text size="xs" c="dimmed">
            {t('insights.drill.period', {
              from: formatDate(`${filters.from}T00:00:00`, locale),
              to: formatDate(`${filters.to}T00:00:00`, locale),
            })}
            {total !== undefined && ` · ${t('insights.drill.total', { n: formatNumber(total, locale) })}`}
            {timeZone !== browserTimeZone() && ` · ${t('insights.drill.timeZone', { timeZone })}`}
          </Text>
        </Stack>
      }
      data-testid="drilldown"
    >
      {target && (
        <Stack gap="sm">
          <BandFilter metric={target.metric} />
          {query.isPending ? (
            <ListSkeleton rows={6} />
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : items.length === 0 ? (
            <Empty
              icon={<IconListSearch />}
              title={t('insights.drill.emptyTitle')}
              description={t('insights.drill.emptyText')}
              size="sm"
            />
          ) : (
            <Stack gap="xs" data-testid="drilldown-list">
              {items.map((item) => (
                <DrilldownItemRow
                  key={`${item.kind}:${item.id}`}
                  item={item}
                  metric={target.metric}
                  timeZone={timeZone}
                />
              ))}
              <LoadMore
                hasMore={query.hasNextPage}
                loading={query.isFetchingNextPage}
                onLoad={() => void query.fetchNextPage()}
              />
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
