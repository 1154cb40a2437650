import type { BadgeProps } from '@mantine/core';
import type { SurveyKind } from '../../shared/contracts/surveys.ts';
import { useSurveys } from '../api/surveys.ts';
import { ScoreBadge } from './SurveyBadges.tsx';

interface SurveyScoreBadgeProps {
  surveyId: string | null;
  kind: SurveyKind;
  score: number | null;
  size?: BadgeProps['size'];
}

/** A response's score badge where only the survey id is known: a custom rating needs its survey's scale for the band. */
export function SurveyScoreBadge({ surveyId, kind, score, size }: SurveyScoreBadgeProps) {
  const surveys = useSurveys(kind === 'rating');
  const scale = surveys.data?.find((survey) => survey.id === surveyId)?.definition.scale;
  return <ScoreBadge kind={kind} score={score} scale={scale} size={size} />;
}
