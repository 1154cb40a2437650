import { Group, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecoveryMetrics } from '../../../../shared/contracts/recovery-metrics.ts';
import { TitledCard } from '../TitledCard.tsx';
import type { Drill } from './DrillDrawer.tsx';

/** The most frequent causes (tags) of the period's cases, each opening its cases. */
export function Causes({ data, onDrill }: { data: RecoveryMetrics; onDrill: (drill: Drill) => void }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...data.topCauses.map((c) => c.count));
  return (
    <TitledCard
      title={t('recovery.insights.topCauses')}
      hint={t('recovery.insights.topCausesHint')}
      testId="recovery-causes"
    >
      {data.topCauses.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('recovery.insights.noCauses')}
        </Text>
      ) : (
        <Stack gap="xs">
          {data.topCauses.map((cause) => (
            <UnstyledButton
              key={cause.tag}
              onClick={() =>
                onDrill({
                  kind: 'cases',
                  title: cause.tag,
                  query: { from: data.from, to: data.to, period: 'opened', tag: cause.tag },
                })
              }
              style={{ borderRadius: 4 }}
              className="koe-insights-card"
            >
              <Group justify="space-between" gap="xs" mb={2}>
                <Text size="sm">{cause.tag}</Text>
                <Text size="sm" fw={600}>
                  {cause.count}
                </Text>
              </Group>
              <Progress value={(cause.count / max) * 100} size="sm" color="orange" aria-hidden />
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </TitledCard>
  );
}
