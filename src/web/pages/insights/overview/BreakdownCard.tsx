import { Group, Paper, SegmentedControl, Skeleton, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalProgress, MetricGroup } from '../../../../shared/contracts/metrics.ts';
import { type InsightsFilters, useMetrics } from '../../../api/metrics.ts';
import { ChannelIcon, isChannel } from '../../../components/ChannelIcon.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { useLocale } from '../../../lib/useLocale.ts';
import { useDrilldownParams } from '../drilldown/useDrilldownParams.ts';
import { FigureCell } from '../FigureCell.tsx';
import { formatFigure, METRIC_META, meetsTarget, workspaceGoal } from '../figures.ts';

type Dimension = 'channel' | 'team';

/** The figures per channel or per team, each cell opening its items. */
export function BreakdownCard({
  filters,
  progress,
}: {
  filters: InsightsFilters;
  progress: GoalProgress[] | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [by, setBy] = useState<Dimension>('channel');
  const report = useMetrics(filters, { by });
  const drill = useDrilldownParams();
  const csatGoal = workspaceGoal(progress, 'csat.percent')?.goal.target;
  const groups = [...(report.data?.groups ?? [])].sort((a, b) => b.volume.created - a.volume.created);
  const name = (group: MetricGroup) => (isChannel(group.key) ? t(`channel.${group.key}`) : group.label);
  const open = (group: MetricGroup, metric: Parameters<typeof drill.open>[0]['metric']) =>
    drill.open({ metric, by, key: group.key, label: name(group) });

  return (
    <Paper withBorder radius="md" p="md" data-testid="insights-breakdown">
      <Group justify="space-between" mb="sm">
        <div>
          <Text fw={600}>{t('insights.breakdown.title')}</Text>
          {csatGoal !== undefined && (
            <Text size="xs" c="dimmed">
              {t('insights.breakdown.legend', { goal: formatFigure(csatGoal, 'percent', locale) })}
            </Text>
          )}
        </div>
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(value) => setBy(value as Dimension)}
          data={[
            { value: 'channel', label: t('insights.breakdown.byChannel') },
            { value: 'team', label: t('insights.breakdown.byTeam') },
          ]}
          data-testid="insights-breakdown-by"
        />
      </Group>
      {report.isPending ? (
        <Skeleton height={220} aria-busy="true" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : groups.length === 0 ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          {t(`insights.breakdown.empty.${by}`)}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(by === 'channel' ? 'insights.breakdown.channel' : 'insights.breakdown.team')}</Table.Th>
                <Table.Th>{t('insights.columns.created')}</Table.Th>
                <Table.Th>{t('insights.columns.csat')}</Table.Th>
                <Table.Th>{t('insights.columns.nps')}</Table.Th>
                <Table.Th>{t('insights.columns.firstResponse')}</Table.Th>
                <Table.Th>{t('insights.columns.resolution')}</Table.Th>
                <Table.Th>{t('insights.columns.fcr')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((group) => {
                const csatColor =
                  csatGoal !== undefined && group.csat.percent !== null
                    ? meetsTarget(group.csat.percent, csatGoal, METRIC_META['csat.percent'])
                      ? 'green'
                      : 'red'
                    : 'koe';
                return (
                  <Table.Tr key={group.key} data-testid="breakdown-row">
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {by === 'channel' && <ChannelIcon channel={group.key} size={15} />}
                        <Text size="sm" fw={500}>
                          {name(group)}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <FigureCell
                        value={group.volume.created}
                        unit="count"
                        label={t('insights.columns.created')}
                        onOpen={() => open(group, 'created')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <FigureCell
                        value={group.csat.percent}
                        unit="percent"
                        n={group.csat.n}
                        ci95={group.csat.ci95}
                        bar
                        color={csatColor}
                        label={t('insights.columns.csat')}
                        onOpen={() => open(group, 'csat')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <FigureCell
                        value={group.nps.score}
                        unit="index"
                        n={group.nps.n}
                        ci95={group.nps.ci95}
                        label={t('insights.columns.nps')}
                        onOpen={() => open(group, 'nps')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <FigureCell
                        value={group.first_response.median_seconds}
                        unit="duration"
                        n={group.first_response.n}
                        label={t('insights.columns.firstResponse')}
                        onOpen={() => open(group, 'first_response')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <FigureCell
                        value={group.resolution.median_seconds}
                        unit="duration"
                        n={group.resolution.n}
                        label={t('insights.columns.resolution')}
                        onOpen={() => open(group, 'resolution')}
                      />
                    </Table.Td>
                    <Table.Td>
                      <FigureCell
                        value={group.fcr.percent}
                        unit="percent"
                        n={group.fcr.n}
                        ci95={group.fcr.ci95}
                        label={t('insights.columns.fcr')}
                        onOpen={() => open(group, 'fcr')}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
