import { Group, Paper, SegmentedControl, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp, IconTrophy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrilldownMetric, ScorecardRow } from '../../../../shared/contracts/metrics.ts';
import { type InsightsFilters, useGoalProgress, useScorecards } from '../../../api/metrics.ts';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { useLocale } from '../../../lib/useLocale.ts';
import { useDrilldownParams } from '../drilldown/useDrilldownParams.ts';
import { CountTd, CsatTd, DurationTd, RateTd } from '../FigureTd.tsx';
import { formatFigure, workspaceGoal } from '../figures.ts';
import { InsightsFrame } from '../InsightsFrame.tsx';

type SortKey = 'label' | 'handled' | 'first_response' | 'resolution' | 'fcr' | 'csat';

const sortValue: Record<SortKey, (row: ScorecardRow) => number | string | null> = {
  label: (row) => row.label,
  handled: (row) => row.handled,
  first_response: (row) => row.first_response.median_seconds,
  resolution: (row) => row.resolution.median_seconds,
  fcr: (row) => row.fcr.percent,
  csat: (row) => row.csat.percent,
};

/** Sorted copy; rows without a value always go last, whichever the direction. */
export function sortRows(rows: ScorecardRow[], key: SortKey, descending: boolean): ScorecardRow[] {
  return [...rows].sort((a, b) => {
    const x = sortValue[key](a);
    const y = sortValue[key](b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y);
    return descending ? -order : order;
  });
}

function SortHeader({
  column,
  sort,
  onSort,
  children,
}: {
  column: SortKey;
  sort: { key: SortKey; descending: boolean };
  onSort: (key: SortKey) => void;
  children: string;
}) {
  const active = sort.key === column;
  const Icon = !active ? IconArrowsSort : sort.descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} data-testid={`scorecard-sort-${column}`}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={active ? 700 : 600}>
            {children}
          </Text>
          <Icon size={14} color="var(--mantine-color-gray-6)" aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function ScorecardTable({ filters }: { filters: InsightsFilters }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [by, setBy] = useState<'agent' | 'team'>('agent');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'handled', descending: true });
  const query = useScorecards(filters, by);
  const progress = useGoalProgress();
  const drill = useDrilldownParams();
  const csatGoal = workspaceGoal(progress.data, 'csat.percent')?.goal.target;
  const onSort = (key: SortKey) =>
    setSort((current) => ({ key, descending: current.key === key ? !current.descending : key !== 'label' }));
  const open = (row: ScorecardRow, metric: DrilldownMetric) =>
    drill.open({ metric, by, key: row.key, label: row.label });
  const rows = sortRows(query.data?.rows ?? [], sort.key, sort.descending);

  return (
    <Paper withBorder radius="md" p="md" data-testid="scorecards">
      <Group justify="space-between" mb="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t('insights.scorecards.hint')}
          </Text>
          {csatGoal !== undefined && (
            <Text size="xs" c="dimmed">
              {t('insights.breakdown.legend', { goal: formatFigure(csatGoal, 'percent', locale) })}
            </Text>
          )}
        </div>
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(value) => setBy(value as 'agent' | 'team')}
          data={[
            { value: 'agent', label: t('insights.scorecards.byAgent') },
            { value: 'team', label: t('insights.scorecards.byTeam') },
          ]}
          data-testid="scorecards-by"
        />
      </Group>
      {query.isPending ? (
        <ListSkeleton rows={6} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : rows.length === 0 ? (
        <Empty
          icon={<IconTrophy />}
          title={t('insights.scorecards.emptyTitle')}
          description={t(`insights.scorecards.emptyText.${by}`)}
          size="sm"
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <SortHeader column="label" sort={sort} onSort={onSort}>
                  {t(by === 'agent' ? 'insights.scorecards.agent' : 'insights.scorecards.team')}
                </SortHeader>
                <SortHeader column="handled" sort={sort} onSort={onSort}>
                  {t('insights.columns.handled')}
                </SortHeader>
                <SortHeader column="first_response" sort={sort} onSort={onSort}>
                  {t('insights.columns.firstResponse')}
                </SortHeader>
                <SortHeader column="resolution" sort={sort} onSort={onSort}>
                  {t('insights.columns.resolution')}
                </SortHeader>
                <SortHeader column="fcr" sort={sort} onSort={onSort}>
                  {t('insights.columns.fcr')}
                </SortHeader>
                <SortHeader column="csat" sort={sort} onSort={onSort}>
                  {t('insights.columns.csat')}
                </SortHeader>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-testid="scorecard-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {row.label}
                    </Text>
                  </Table.Td>
                  <CountTd
                    value={row.handled}
                    label={t('insights.columns.handled')}
                    onOpen={() => open(row, 'resolved')}
                  />
                  <DurationTd
                    figure={row.first_response}
                    label={t('insights.columns.firstResponse')}
                    onOpen={() => open(row, 'first_response')}
                  />
                  <DurationTd
                    figure={row.resolution}
                    label={t('insights.columns.resolution')}
                    onOpen={() => open(row, 'resolution')}
                  />
                  <RateTd figure={row.fcr} label={t('insights.columns.fcr')} onOpen={() => open(row, 'fcr')} />
                  <CsatTd
                    figure={row.csat}
                    goal={csatGoal}
                    label={t('insights.columns.csat')}
                    onOpen={() => open(row, 'csat')}
                  />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

export function ScorecardsPage() {
  const { t } = useTranslation();
  return (
    <InsightsFrame
      active="scorecards"
      title={t('insights.scorecards.title')}
      description={t('insights.scorecards.description')}
    >
      {(state) => <ScorecardTable filters={state.filters} />}
    </InsightsFrame>
  );
}
