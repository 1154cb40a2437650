import { ActionIcon, Group, MultiSelect, Select, Switch, TagsInput, Tooltip } from '@mantine/core';
import { IconCalendar, IconFilter, IconFilterOff, IconTag, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../shared/contracts/conversations.ts';
import { useMetrics } from '../../api/metrics.ts';
import { useSegments } from '../../api/segments.ts';
import { useMembers, useTeams } from '../../api/workspace.ts';
import { DateRangeInput } from '../../components/DateRangeInput.tsx';
import { INSIGHT_PERIODS, type InsightPeriod } from './period.ts';
import type { useInsightsFilters } from './useInsightsFilters.ts';

type FilterState = ReturnType<typeof useInsightsFilters>;

/** Two filters a row on a phone, a fixed width in one row on a computer. */
const WIDTH = { base: 'calc(50% - 4px)', sm: 170 };

/** Tags used in the period, most frequent first, as suggestions; any tag can still be typed. */
function useTagSuggestions(state: FilterState): string[] {
  const { tag: _tag, ...rest } = state.filters;
  const report = useMetrics(rest, { by: 'tag' });
  return (report.data?.groups ?? [])
    .slice()
    .sort((a, b) => b.volume.created - a.volume.created)
    .map((group) => group.key)
    .slice(0, 50);
}

/** Period, channel, team, agent, tag, segment and business hours: every Insights card obeys them. */
export function InsightsFilterBar({
  state,
  businessHours = true,
}: {
  state: FilterState;
  /** Off where figures are already in business hours (SLA targets count in their policy's calendar). */
  businessHours?: boolean;
}) {
  const { t } = useTranslation();
  const members = useMembers();
  const teams = useTeams();
  const segments = useSegments();
  const tags = useTagSuggestions(state);
  const { filters, period } = state;

  return (
    <Group gap="xs" wrap="wrap" align="center" data-testid="insights-filters" mb="md">
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
        w={WIDTH}
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
      <MultiSelect
        aria-label={t('insights.filters.channel')}
        placeholder={filters.channel?.length ? undefined : t('insights.filters.anyChannel')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        value={filters.channel ?? []}
        onChange={(value) => state.setList('channel', value)}
        clearable
        w={WIDTH}
        data-testid="insights-channel"
      />
      <MultiSelect
        aria-label={t('insights.filters.team')}
        placeholder={filters.teamId?.length ? undefined : t('insights.filters.anyTeam')}
        leftSection={<IconUsersGroup size={16} />}
        data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={filters.teamId ?? []}
        onChange={(value) => state.setList('teamId', value)}
        clearable
        w={WIDTH}
      />
      <MultiSelect
        aria-label={t('insights.filters.agent')}
        placeholder={filters.agentId?.length ? undefined : t('insights.filters.anyAgent')}
        leftSection={<IconUser size={16} />}
        data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        value={filters.agentId ?? []}
        onChange={(value) => state.setList('agentId', value)}
        clearable
        searchable
        w={WIDTH}
      />
      <TagsInput
        aria-label={t('insights.filters.tag')}
        placeholder={filters.tag?.length ? undefined : t('insights.filters.anyTag')}
        leftSection={<IconTag size={16} />}
        data={tags}
        value={filters.tag ?? []}
        onChange={(value) => state.setList('tag', value)}
        clearable
        w={WIDTH}
      />
      <Select
        aria-label={t('insights.filters.segment')}
        placeholder={t('insights.filters.anySegment')}
        leftSection={<IconFilter size={16} />}
        data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={filters.segmentId ?? null}
        onChange={(value) => state.setValue('segmentId', value)}
        clearable
        w={WIDTH}
      />
      {businessHours && (
        <Tooltip label={t('insights.filters.businessHoursHelp')} multiline maw={280}>
          <Switch
            label={t('insights.filters.businessHours')}
            checked={filters.businessHours ?? false}
            onChange={(event) => state.setValue('bh', event.currentTarget.checked ? '1' : null)}
            size="sm"
            data-testid="insights-business-hours"
          />
        </Tooltip>
      )}
      {state.isFiltered && (
        <Tooltip label={t('insights.filters.clear')}>
          <ActionIcon variant="subtle" color="gray" onClick={state.clear} aria-label={t('insights.filters.clear')}>
            <IconFilterOff size={18} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
