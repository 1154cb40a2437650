import { Group, Paper, SegmentedControl, Skeleton, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryMetrics } from '../../../../shared/contracts/recovery-metrics.ts';
import type { InsightsFilters } from '../../../api/metrics.ts';
import { type CaseQuery, useRecoveryMetrics } from '../../../api/recovery.ts';
import { isChannel } from '../../../components/ChannelIcon.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import type { Drill } from './DrillDrawer.tsx';
import { useFormat } from './format.ts';

type By = 'team' | 'channel' | 'owner';
type Figures = Omit<RecoveryMetrics['groups'][number], 'key' | 'label'>;

/** The figures per team, channel or owner; every cell opens its cases. */
export function Breakdown({ filters, onDrill }: { filters: InsightsFilters; onDrill: (drill: Drill) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [by, setBy] = useState<By>('team');
  const report = useRecoveryMetrics({ from: filters.from, to: filters.to, by });
  const label = (key: string | null, text: string | null) => {
    if (by === 'channel') return key && isChannel(key) ? t(`channel.${key}`) : (key ?? '—');
    if (key === null) return by === 'team' ? t('recovery.insights.noTeam') : t('recovery.insights.noOwner');
    return text ?? key;
  };
  const groupQuery = (key: string | null): CaseQuery =>
    by === 'team'
      ? key
        ? { teamId: key }
        : {}
      : by === 'channel'
        ? key
          ? { channel: key }
          : {}
        : { owner: key ?? 'none' };
  const cell = (text: string, title: string, query: CaseQuery) => (
    <UnstyledButton
      onClick={() => onDrill({ kind: 'cases', title, query: { from: filters.from, to: filters.to, ...query } })}
    >
      <Text size="sm" td="underline" style={{ textDecorationStyle: 'dotted' }}>
        {text}
      </Text>
    </UnstyledButton>
  );
  const rows = report.data?.groups ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="recovery-breakdown">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('recovery.insights.byGroup')}</Text>
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(value) => setBy(value as By)}
          data={(['team', 'channel', 'owner'] as const).map((value) => ({
            value,
            label: t(`recovery.insights.by.${value}`),
          }))}
        />
      </Group>
      {report.isPending ? (
        <Skeleton height={120} aria-busy="true" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('recovery.insights.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recovery.insights.group')}</Table.Th>
                <Table.Th ta="right">{t('recovery.insights.opened')}</Table.Th>
                <Table.Th ta="right">{t('recovery.insights.firstContact')}</Table.Th>
                <Table.Th ta="right">{t('recovery.insights.recoveryRate')}</Table.Th>
                <Table.Th ta="right">{t('recovery.insights.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row: Figures & { key: string | null; label: string | null }) => {
                const name = label(row.key, row.label);
                const query = groupQuery(row.key);
                return (
                  <Table.Tr key={row.key ?? 'none'}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td ta="right">{cell(f.count(row.opened), name, { ...query, period: 'opened' })}</Table.Td>
                    <Table.Td ta="right">
                      {cell(`${f.duration(row.firstContact.medianSeconds)} (n ${row.firstContact.n})`, name, {
                        ...query,
                        period: 'contacted',
                        contacted: true,
                      })}
                    </Table.Td>
                    <Table.Td ta="right">
                      {cell(`${f.percent(row.recoveryRate.percent)} (n ${row.recoveryRate.n})`, name, {
                        ...query,
                        period: 'closed',
                        outcome: ['recovered', 'not_recovered'],
                      })}
                    </Table.Td>
                    <Table.Td ta="right">
                      {cell(`${row.overdue.count} / ${row.overdue.n}`, name, {
                        ...query,
                        period: 'opened',
                        overdue: true,
                      })}
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
