import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../../shared/contracts/survey-results.ts';
import { formatNumber } from '../../../lib/format.ts';
import { formatPercent } from '../../../lib/surveyScores.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { CardTitle } from './ScoreCards.tsx';

const STEPS = ['delivered', 'opened', 'answered'] as const;

/** Delivered → opened → answered, each step's share of what was delivered. */
export function FunnelCard({ summary }: { summary: SurveySummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { funnel } = summary;
  const base = funnel.delivered;

  return (
    <Paper withBorder radius="md" p="md" data-testid="summary-funnel">
      <CardTitle>{t('summary.funnel')}</CardTitle>
      <Group gap="xs" wrap="nowrap" align="stretch">
        {STEPS.map((step, index) => {
          const count = funnel[step];
          const share = base > 0 ? count / base : null;
          return (
            <Fragment key={step}>
              {index > 0 && (
                <Box style={{ alignSelf: 'center' }}>
                  <IconChevronRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />
                </Box>
              )}
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }} data-testid={`funnel-${step}`}>
                <Text size="xs" c="dimmed">
                  {t(`summary.steps.${step}`)}
                </Text>
                <Text fz={24} fw={700} lh={1.1}>
                  {formatNumber(count, locale)}
                </Text>
                <Box style={{ background: 'var(--mantine-color-gray-1)', borderRadius: 4, height: 8 }}>
                  <Box
                    h="100%"
                    style={{
                      width: `${(share ?? 0) * 100}%`,
                      background: 'var(--mantine-color-koe-5)',
                      borderRadius: 4,
                    }}
                  />
                </Box>
                <Text size="xs" c="dimmed">
                  {share === null ? '—' : t('summary.ofDelivered', { share: formatPercent(share, locale) })}
                </Text>
              </Stack>
            </Fragment>
          );
        })}
      </Group>
      {funnel.dismissed > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('summary.dismissed', { count: funnel.dismissed })}
        </Text>
      )}
    </Paper>
  );
}
