import { Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaFigure, SlaReport } from '../../../../shared/contracts/sla.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { formatFigure, formatRange } from '../figures.ts';

const KINDS = ['first_response', 'next_response', 'resolution', 'all'] as const;

function AttainmentCard({ kind, figure }: { kind: (typeof KINDS)[number]; figure: SlaFigure }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = kind === 'all' ? t('sla.insights.all') : t(`sla.kinds.${kind}`);
  const value = figure.attainment_percent;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`sla-attainment-${kind}`}>
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={600} truncate>
          {title}
        </Text>
        <Text fz={30} fw={700} lh={1.1} data-testid="sla-attainment-value">
          {value === null ? '—' : formatFigure(value, 'percent', locale)}
        </Text>
        {value !== null && <Progress value={value} size="sm" color="koe" aria-hidden />}
        <Text size="xs">
          {value === null
            ? t('sla.insights.noData')
            : `${t('sla.insights.applied', { count: figure.applied })} · ${t('sla.insights.metBreached', {
                met: formatNumber(figure.met, locale),
                breached: formatNumber(figure.breached, locale),
              })}`}
        </Text>
        {figure.ci95 && (
          <Text size="xs" c="dimmed">
            {t('sla.insights.interval', { range: formatRange(figure.ci95, 'percent', locale) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Attainment per target kind and for all targets, with n and the 95 % interval. */
export function AttainmentCards({ report }: { report: SlaReport }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} data-testid="sla-attainment">
      {KINDS.map((kind) => (
        <AttainmentCard key={kind} kind={kind} figure={report[kind]} />
      ))}
    </SimpleGrid>
  );
}
