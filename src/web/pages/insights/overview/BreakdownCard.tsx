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
import { CountTd, CsatTd, DurationTd, RateTd } from '../FigureTd.tsx';
import { formatFigure, workspaceGoal } from '../figures.ts';

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
              {groups.map((group) => (
                <Table.Tr key={group.key} data-testid="breakdown-row">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {by === 'channel' && <ChannelIcon channel={group.key} size={15} />}
                      <Text size="sm" fw={500}>
                        {name(group)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <CountTd
                    value={group.volume.created}
                    label={t('insights.columns.created')}
                    onOpen={() => open(group, 'created')}
                  />
                  <CsatTd
                    figure={group.csat}
                    goal={csatGoal}
                    label={t('insights.columns.csat')}
                    onOpen={() => open(group, 'csat')}
                  />
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
                  <DurationTd
                    figure={group.first_response}
                    label={t('insights.columns.firstResponse')}
                    onOpen={() => open(group, 'first_response')}
                  />
                  <DurationTd
                    figure={group.resolution}
                    label={t('insights.columns.resolution')}
                    onOpen={() => open(group, 'resolution')}
                  />
                  <RateTd figure={group.fcr} label={t('insights.columns.fcr')} onOpen={() => open(group, 'fcr')} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
