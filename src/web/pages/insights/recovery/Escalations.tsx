import { Group, SegmentedControl, Skeleton, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightsFilters } from '../../../api/metrics.ts';
import { useEscalationMetrics } from '../../../api/recovery.ts';
import { isChannel } from '../../../components/ChannelIcon.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { TitledCard } from '../TitledCard.tsx';
import type { Drill } from './DrillDrawer.tsx';
import { useFormat } from './format.ts';

/** The escalation rate with its n and interval, per team or channel; each opens the escalated conversations. */
export function Escalations({ filters, onDrill }: { filters: InsightsFilters; onDrill: (drill: Drill) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [by, setBy] = useState<'team' | 'channel'>('team');
  const total = useEscalationMetrics({ from: filters.from, to: filters.to });
  const grouped = useEscalationMetrics({ from: filters.from, to: filters.to, by });
  const period = { from: filters.from, to: filters.to };
  const title = t('recovery.insights.escalationRate');
  const name = (key: string | null, label: string | null) =>
    by === 'channel'
      ? key && isChannel(key)
        ? t(`channel.${key}`)
        : (key ?? '—')
      : key
        ? (label ?? key)
        : t('recovery.insights.noTeam');
  return (
    <TitledCard title={title} hint={t('recovery.insights.escalationHint')} testId="escalation-rate">
      {total.isPending ? (
        <Skeleton height={160} aria-busy="true" />
      ) : total.isError ? (
        <ErrorState error={total.error} onRetry={() => void total.refetch()} />
      ) : (
        <Stack gap="sm">
          <UnstyledButton
            onClick={() => onDrill({ kind: 'conversations', title, query: period })}
            className="koe-insights-card"
          >
            <Group align="baseline" gap="sm">
              <Text fz={28} fw={700} data-testid="escalation-rate-value">
                {f.percent(total.data.rate.percent)}
              </Text>
              <Text size="xs">
                {t('recovery.insights.escalated', { count: total.data.rate.count })} ·{' '}
                {t('recovery.insights.n', { n: f.count(total.data.rate.n) })}
                {total.data.rate.ci95
                  ? ` · ${t('recovery.insights.ci', { range: f.range(total.data.rate.ci95) })}`
                  : ''}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('recovery.insights.escalationByTier', {
                senior: total.data.byTier.find((x) => x.tier === 'senior')?.count ?? 0,
                manager: total.data.byTier.find((x) => x.tier === 'manager')?.count ?? 0,
              })}
            </Text>
          </UnstyledButton>
          <SegmentedControl
            size="xs"
            value={by}
            onChange={(value) => setBy(value as 'team' | 'channel')}
            data={(['team', 'channel'] as const).map((value) => ({ value, label: t(`recovery.insights.by.${value}`) }))}
            w="fit-content"
          />
          {grouped.data && grouped.data.groups.length > 0 && (
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {grouped.data.groups.map((group) => (
                  <Table.Tr key={group.key ?? 'none'}>
                    <Table.Td>{name(group.key, group.label)}</Table.Td>
                    <Table.Td ta="right">
                      <UnstyledButton
                        onClick={() =>
                          onDrill({
                            kind: 'conversations',
                            title: `${title} · ${name(group.key, group.label)}`,
                            query: { ...period, by, key: group.key ?? 'none' },
                          })
                        }
                      >
                        <Text size="sm" td="underline" style={{ textDecorationStyle: 'dotted' }}>
                          {f.percent(group.percent)} ({group.count}/{group.n})
                        </Text>
                      </UnstyledButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </TitledCard>
  );
}
