import { Group, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../../shared/contracts/surveys.ts';
import { useSurveySummary } from '../../../api/surveySummary.ts';
import { formatNumber } from '../../../lib/format.ts';
import { formatScoreValue, kindShortName } from '../../../lib/surveyScores.ts';
import { useLocale } from '../../../lib/useLocale.ts';

/** "CSAT 82 % · n=143" for a survey in the list, or how many answers it has so far. */
export function ScoreCell({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = useSurveySummary(survey.id);

  if (summary.isPending) return <Skeleton height={14} width={90} />;
  if (summary.isError) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const { score } = summary.data;
  if (score.n === 0 || score.value === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('surveys.noResponsesYet')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {kindShortName(survey.kind) ?? ''} {formatScoreValue(score.value, summary.data.unit, locale)}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        n={formatNumber(score.n, locale)}
      </Text>
    </Group>
  );
}
