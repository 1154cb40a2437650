import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Change } from '../../../../shared/contracts/metrics.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { type FigureUnit, formatDelta, isImprovement, type MetricMeta } from '../figures.ts';

/**
 * The move against the previous period: arrow and signed delta, coloured by whether it is
 * good for the business, and a "significant" badge when the test says it is more than noise.
 */
export function ChangeLine({ change, unit, meta }: { change: Change | undefined; unit: FigureUnit; meta: MetricMeta }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!change || change.delta === null) {
    return (
      <Text size="xs" c="dimmed" data-testid="headline-change">
        {t('insights.change.none')}
      </Text>
    );
  }
  const better = isImprovement(change.delta, meta);
  const Icon = change.delta > 0 ? IconArrowUpRight : change.delta < 0 ? IconArrowDownRight : IconArrowRight;
  // Only a significant move earns a colour; noise stays grey whichever way it points.
  const color = !change.significant || better === null ? 'dimmed' : better ? 'green.8' : 'red.8';
  const pValue =
    change.p_value === null ? '' : ` (p = ${change.p_value < 0.001 ? '< 0.001' : change.p_value.toFixed(3)})`;
  return (
    <Group gap={6} wrap="wrap" style={{ rowGap: 0 }} data-testid="headline-change">
      <Group gap={2} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
        <Icon
          size={15}
          color={`var(--mantine-color-${color === 'dimmed' ? 'gray-6' : color.replace('.', '-')})`}
          aria-hidden
        />
        <Text size="xs" fw={600} c={color}>
          {formatDelta(change.delta, unit, locale)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('insights.change.vsPrevious')}
      </Text>
      {change.significant ? (
        <Tooltip label={t('insights.change.significantHelp') + pValue} multiline maw={260}>
          <Badge
            size="xs"
            variant="light"
            color={better === false ? 'red' : 'green'}
            radius="sm"
            style={{ flexShrink: 0 }}
          >
            {t('insights.change.significant')}
          </Badge>
        </Tooltip>
      ) : (
        <Tooltip label={t('insights.change.notSignificantHelp') + pValue} multiline maw={260}>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0, whiteSpace: 'nowrap' }}>
            · {t('insights.change.notSignificant')}
          </Text>
        </Tooltip>
      )}
    </Group>
  );
}
