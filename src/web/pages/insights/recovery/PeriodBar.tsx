import { Group, Select } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateRangeInput } from '../../../components/DateRangeInput.tsx';
import { INSIGHT_PERIODS, type InsightPeriod } from '../period.ts';
import type { useInsightsFilters } from '../useInsightsFilters.ts';

/** The recovery figures obey the period only (each case carries its own team, channel and owner). */
export function PeriodBar({ state }: { state: ReturnType<typeof useInsightsFilters> }) {
  const { t } = useTranslation();
  const { filters, period } = state;
  return (
    <Group gap="xs" wrap="wrap" align="center" mb="md" data-testid="insights-filters">
      <Select
        aria-label={t('insights.filters.period')}
        leftSection={<IconCalendar size={16} />}
        data={INSIGHT_PERIODS.map((p) => ({ value: p, label: t(`insights.periods.${p}`) }))}
        value={period}
        onChange={(value) => {
          if (!value) return;
          if (value === 'custom') state.setPeriod('custom', { from: filters.from, to: filters.to });
          else state.setPeriod(value as InsightPeriod);
        }}
        allowDeselect={false}
        w={{ base: 'calc(50% - 4px)', sm: 170 }}
        data-testid="insights-period"
      />
      {period === 'custom' && (
        <DateRangeInput
          label={t('insights.filters.range')}
          placeholder={t('insights.filters.range')}
          from={filters.from}
          to={filters.to}
          onChange={(from, to) => {
            if (from && to) state.setPeriod('custom', { from, to });
          }}
          w={260}
        />
      )}
    </Group>
  );
}
