import { Badge, Group, Paper, Progress, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GoalProgress, MetricReference } from '../../../../shared/contracts/metrics.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { formatFigure, formatRange, referenceText, STATUS_COLOR } from '../figures.ts';
import { ChangeLine } from './ChangeLine.tsx';
import type { Headline } from './headlines.ts';
import { Sparkline } from './Sparkline.tsx';

interface HeadlineCardProps {
  headline: Headline;
  goal: GoalProgress | undefined;
  reference: MetricReference | undefined;
  onOpen: () => void;
}

/** How far the figure is toward its goal, 0–100, whichever way is better. */
function goalShare(current: number | null, target: number, lowerIsBetter: boolean): number {
  if (current === null) return 0;
  if (lowerIsBetter) return current <= 0 ? 100 : Math.min(100, (target / current) * 100);
  if (target <= 0) return current >= target ? 100 : 0;
  return Math.max(0, Math.min(100, (current / target) * 100));
}

function GoalLine({ headline, goal }: { headline: Headline; goal: GoalProgress }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const color = STATUS_COLOR[goal.status];
  return (
    <Stack gap={4} data-testid="headline-goal">
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" truncate>
          {t('insights.goal.target', { target: formatFigure(goal.goal.target, headline.unit, locale) })}
        </Text>
        <Badge size="xs" variant="light" color={color} radius="sm" style={{ flexShrink: 0 }}>
          {t(`insights.goal.status.${goal.status}`)}
        </Badge>
      </Group>
      <Progress
        value={goalShare(headline.value, goal.goal.target, headline.meta.lowerIsBetter)}
        color={color}
        size="sm"
        aria-label={t('insights.goal.progress')}
      />
    </Stack>
  );
}

/** One headline figure: value, n, interval, sparkline, change, goal and benchmark; a click opens the items behind it. */
export function HeadlineCard({ headline, goal, reference, onOpen }: HeadlineCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { unit } = headline;
  const title = t(`insights.headline.${headline.titleKey}`);
  const value = headline.value === null ? '—' : formatFigure(headline.value, unit, locale);
  const statusColor = goal && goal.status !== 'no_data' ? STATUS_COLOR[goal.status] : null;
  const benchmark = referenceText(reference, unit, locale);
  const n = formatNumber(headline.n, locale);

  let detail: string;
  if (headline.id === 'volume') {
    detail = t('insights.headline.volumeDetail', {
      resolved: formatNumber(headline.resolved ?? 0, locale),
      backlog: formatNumber(headline.backlog ?? 0, locale),
    });
  } else if (headline.value === null) {
    detail = t(`insights.headline.empty.${headline.id}`);
  } else if (unit === 'duration') {
    detail = t('insights.headline.durationDetail', {
      n,
      p90: headline.p90 == null ? '—' : formatFigure(headline.p90, unit, locale),
    });
  } else if (headline.ci95) {
    detail = t('insights.headline.nAndInterval', { n, interval: formatRange(headline.ci95, unit, locale) });
  } else {
    detail = t('insights.headline.nOnly', { n });
  }

  return (
    <Paper withBorder radius="md" p={0} data-testid={`headline-${headline.id}`}>
      <UnstyledButton
        onClick={onOpen}
        p="md"
        w="100%"
        h="100%"
        aria-label={t('insights.headline.open', { metric: title, value })}
        style={{ display: 'block', borderRadius: 'var(--mantine-radius-md)' }}
        className="koe-insights-card"
      >
        <Stack gap={6}>
          <Group gap={4} wrap="nowrap" justify="space-between">
            <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
              <Text size="sm" c="dimmed" fw={600} truncate>
                {title}
              </Text>
              <Tooltip label={t(`insights.definition.${headline.titleKey}`)} multiline maw={300}>
                <IconInfoCircle size={14} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
              </Tooltip>
            </Group>
          </Group>
          <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xs">
            <Text
              fz={headline.unit === 'duration' ? 24 : 30}
              fw={700}
              lh={1.1}
              c={statusColor ? `${statusColor}.8` : undefined}
              data-testid="headline-value"
              style={{ whiteSpace: 'nowrap' }}
            >
              {value}
            </Text>
            <Sparkline values={headline.spark} label={t('insights.headline.sparkline', { metric: title })} />
          </Group>
          <Text size="xs" data-testid="headline-n">
            {detail}
          </Text>
          <ChangeLine change={headline.change} unit={unit} meta={headline.meta} />
          {goal && <GoalLine headline={headline} goal={goal} />}
          {benchmark && (
            <Text size="xs" c="dimmed" data-testid="headline-benchmark">
              {t(reference?.source === 'custom' ? 'insights.benchmark.custom' : 'insights.benchmark.industry', {
                value: benchmark,
              })}
            </Text>
          )}
        </Stack>
      </UnstyledButton>
    </Paper>
  );
}
