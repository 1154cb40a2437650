import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../../shared/contracts/survey-results.ts';
import { bandIcon, bandLabel } from '../../../components/SurveyBadges.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { BAND_COLOR, BANDS, formatPercent, scalePoints, scoreBand } from '../../../lib/surveyScores.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { CardTitle } from './ScoreCards.tsx';

/** One bar per score, coloured by its band (and named in the legend), with count and share. */
export function DistributionCard({ summary }: { summary: SurveySummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const counts = new Map(summary.distribution.map((d) => [d.score, d.count]));
  const points = scalePoints(summary.scale);
  const total = points.reduce((sum, point) => sum + (counts.get(point) ?? 0), 0);
  const largest = Math.max(1, ...points.map((point) => counts.get(point) ?? 0));
  // The best scores on top, as people read a ranking.
  const ordered = summary.lowerIsBetter ? points : [...points].reverse();

  return (
    <Paper withBorder radius="md" p="md" data-testid="summary-distribution">
      <CardTitle>{t('summary.distribution')}</CardTitle>
      <Stack gap={6} role="list">
        {ordered.map((point) => {
          const count = counts.get(point) ?? 0;
          const band = scoreBand(summary.kind, point, summary.scale);
          return (
            <Group key={point} gap="sm" wrap="nowrap" role="listitem" data-band={band}>
              <Text size="sm" fw={600} w={24} ta="right">
                {point}
              </Text>
              <Box style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 4, height: 18 }}>
                <Box
                  h="100%"
                  style={{
                    width: `${(count / largest) * 100}%`,
                    minWidth: count > 0 ? 3 : 0,
                    background: `var(--mantine-color-${BAND_COLOR[band]}-${band === 'neutral' ? 5 : 6})`,
                    borderRadius: 4,
                  }}
                />
              </Box>
              <Text size="sm" w={110} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(count, locale)}
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({total > 0 ? formatPercent(count / total, locale) : '—'})
                </Text>
              </Text>
            </Group>
          );
        })}
      </Stack>
      <Group gap="md" mt="sm">
        {BANDS.map((band) => (
          <Group key={band} gap={4} c={`${BAND_COLOR[band]}.8`} wrap="nowrap">
            <Box
              w={10}
              h={10}
              style={{
                borderRadius: 2,
                background: `var(--mantine-color-${BAND_COLOR[band]}-${band === 'neutral' ? 5 : 6})`,
              }}
            />
            {bandIcon(band, 14)}
            <Text size="xs" c="dimmed">
              {bandLabel(summary.kind, band, t)}
            </Text>
          </Group>
        ))}
      </Group>
    </Paper>
  );
}
