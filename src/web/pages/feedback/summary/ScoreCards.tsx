import { Badge, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../../shared/contracts/survey-results.ts';
import { bandIcon, bandLabel } from '../../../components/SurveyBadges.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { BAND_COLOR, BANDS, formatInterval, formatPercent, formatScoreValue } from '../../../lib/surveyScores.ts';
import { useLocale } from '../../../lib/useLocale.ts';

function Card({
  label,
  help,
  children,
  testId,
}: {
  label: string;
  help?: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group gap={4} mb={4} wrap="nowrap">
        <Text size="sm" c="dimmed" fw={500}>
          {label}
        </Text>
        {help && (
          <Tooltip label={help} multiline maw={300}>
            <IconInfoCircle size={14} color="var(--mantine-color-gray-6)" aria-label={help} />
          </Tooltip>
        )}
      </Group>
      {children}
    </Paper>
  );
}

/** The headline score with n and its 95 % interval, the mean, and the response rate. */
export function ScoreCards({ summary }: { summary: SurveySummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { score, average, bands, kind, unit } = summary;
  const metric = t(`surveyKinds.${kind}.metric`);
  const n = formatNumber(score.n, locale);
  const value = score.value === null ? '—' : formatScoreValue(score.value, unit, locale);
  const interval = score.ci95 ? formatInterval(score.ci95, unit, locale) : null;
  const totalBanded = bands.negative + bands.neutral + bands.positive;
  const rate = summary.responseRate;

  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      <Card label={t(`summary.headlineLabel.${kind}`)} help={t(`summary.definition.${kind}`)} testId="summary-score">
        {/* The whole figure as one sentence for screen readers and copying; the eye reads the parts below. */}
        <Text className="koe-visually-hidden" data-testid="summary-headline">
          {interval
            ? t('summary.headline', { metric, value, n, interval })
            : t('summary.headlineNoInterval', { metric, value, n })}
        </Text>
        <Text fz={40} fw={700} lh={1.1} aria-hidden data-testid="summary-score-value">
          {value}
        </Text>
        <Text size="sm" mt={4} aria-hidden data-testid="summary-score-n">
          {interval ? t('summary.nAndInterval', { n, interval }) : t('summary.nOnly', { n })}
        </Text>
        {!interval && score.n > 0 && (
          <Text size="xs" c="dimmed">
            {t('summary.tooFewForInterval')}
          </Text>
        )}
        {kind === 'csat' && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('summary.csatBenchmark')}
          </Text>
        )}
        <Group gap={6} mt="sm">
          {BANDS.map((band) => (
            <Badge key={band} color={BAND_COLOR[band]} variant="light" leftSection={bandIcon(band)} radius="sm">
              {bandLabel(kind, band, t)} {formatNumber(bands[band], locale)}
              {totalBanded > 0 ? ` (${formatPercent(bands[band] / totalBanded, locale)})` : ''}
            </Badge>
          ))}
        </Group>
      </Card>
      <Card label={t('summary.average')} help={t('summary.averageHelp')} testId="summary-average">
        <Group gap={6} align="baseline">
          <Text fz={32} fw={700} lh={1.1}>
            {average.value === null ? '—' : formatScoreValue(average.value, 'mean', locale)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('summary.outOf', { min: summary.scale.min, max: summary.scale.max })}
          </Text>
        </Group>
        <Text size="sm" mt={4}>
          {average.ci95
            ? t('summary.nAndInterval', {
                n: formatNumber(average.n, locale),
                interval: formatInterval(average.ci95, 'mean', locale),
              })
            : t('summary.nOnly', { n: formatNumber(average.n, locale) })}
        </Text>
        {summary.lowerIsBetter && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('summary.lowerIsBetter')}
          </Text>
        )}
        {summary.skipped > 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('summary.skipped', { count: summary.skipped })}
          </Text>
        )}
      </Card>
      <Card label={t('summary.responseRate')} help={t('summary.responseRateHelp')} testId="summary-response-rate">
        <Text fz={32} fw={700} lh={1.1}>
          {rate.rate === null ? '—' : formatPercent(rate.rate, locale)}
        </Text>
        <Text size="sm" mt={4}>
          {t('summary.responsesOfDelivered', {
            responses: formatNumber(rate.responses, locale),
            delivered: formatNumber(rate.delivered, locale),
          })}
        </Text>
      </Card>
    </SimpleGrid>
  );
}

export function CardTitle({ children }: { children: React.ReactNode }) {
  return (
    <Stack gap={0} mb="sm">
      <Text fw={600}>{children}</Text>
    </Stack>
  );
}
