import { ScrollArea, SegmentedControl, Skeleton, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaFigure } from '../../../../shared/contracts/sla.ts';
import type { InsightsFilters } from '../../../api/metrics.ts';
import { useSlaReport } from '../../../api/sla.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { FigureCell } from '../FigureCell.tsx';
import { TitledCard } from '../TitledCard.tsx';

type By = 'team' | 'agent' | 'channel' | 'policy';
const BYS: By[] = ['team', 'agent', 'channel', 'policy'];
const COLUMNS = ['first_response', 'next_response', 'resolution', 'all'] as const;

function Cell({ figure, label }: { figure: SlaFigure; label: string }) {
  return (
    <Table.Td>
      <FigureCell
        value={figure.attainment_percent}
        unit="percent"
        n={figure.applied}
        ci95={figure.ci95}
        bar
        label={label}
      />
    </Table.Td>
  );
}

/** Attainment per team, agent, channel or policy: one row per group, a column per target kind. */
export function BreakdownCard({ filters }: { filters: InsightsFilters }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('team');
  const report = useSlaReport(filters, by);
  const heading = (kind: (typeof COLUMNS)[number]) => (kind === 'all' ? t('sla.insights.all') : t(`sla.kinds.${kind}`));
  const groupLabel = (key: string, label: string) => {
    if (key === '') return t('sla.insights.none');
    if (by === 'channel') return t(`channel.${key}` as 'channel.email');
    if (by === 'policy' && label === key) return t('sla.insights.deletedPolicy');
    return label;
  };

  let body: React.ReactNode;
  if (report.isPending) body = <Skeleton h={160} />;
  else if (report.isError) body = <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  else if (report.data.groups.length === 0)
    body = (
      <Text size="sm" c="dimmed" py="md">
        {t('sla.insights.empty')}
      </Text>
    );
  else
    body = (
      <ScrollArea type="auto">
        <Table verticalSpacing="xs" data-testid="sla-breakdown-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t(`sla.insights.by.${by}`)}</Table.Th>
              {COLUMNS.map((kind) => (
                <Table.Th key={kind}>{heading(kind)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.data.groups.map((group) => (
              <Table.Tr key={group.key}>
                <Table.Td miw={160}>
                  <Text size="sm" fw={500}>
                    {groupLabel(group.key, group.label)}
                  </Text>
                </Table.Td>
                {COLUMNS.map((kind) => (
                  <Cell key={kind} figure={group[kind]} label={heading(kind)} />
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    );

  return (
    <TitledCard title={t('sla.insights.byTitle')} hint={t('sla.insights.byHint')} testId="sla-breakdown">
      <SegmentedControl
        size="xs"
        mb="sm"
        value={by}
        onChange={(value) => setBy(value as By)}
        data={BYS.map((value) => ({ value, label: t(`sla.insights.by.${value}`) }))}
      />
      {body}
    </TitledCard>
  );
}
