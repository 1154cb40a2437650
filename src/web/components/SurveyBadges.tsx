import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import {
  IconArchive,
  IconCircleCheck,
  IconMoodEmpty,
  IconMoodSad,
  IconMoodSmile,
  IconPencil,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyKind, SurveyStatus } from '../../shared/contracts/surveys.ts';
import { BAND_COLOR, type Band, kindShortName, type Scale, scoreBand } from '../lib/surveyScores.ts';

const BAND_ICON: Record<Band, typeof IconMoodSad> = {
  negative: IconMoodSad,
  neutral: IconMoodEmpty,
  positive: IconMoodSmile,
};

export function bandIcon(band: Band, size = 12): ReactNode {
  const Icon = BAND_ICON[band];
  return <Icon size={size} aria-hidden />;
}

/** "推奨者" for NPS, "満足" for CSAT, "簡単" for CES: the band in the kind's own words. */
export function bandLabel(kind: SurveyKind, band: Band, t: TFunction): string {
  const family = kind === 'nps' ? 'nps' : kind === 'csat' ? 'csat' : kind === 'rating' ? 'rating' : 'ces';
  return t(`bands.${family}.${band}`);
}

interface ScoreBadgeProps {
  kind: SurveyKind;
  score: number | null;
  scale?: Scale | null;
  size?: BadgeProps['size'];
}

/** A score coloured by its band, with an icon and the band's name: never colour alone. */
export function ScoreBadge({ kind, score, scale, size = 'md' }: ScoreBadgeProps) {
  const { t } = useTranslation();
  if (score === null) {
    return (
      <Badge color="gray" variant="light" size={size} data-testid="score-badge">
        {t('responses.skipped')}
      </Badge>
    );
  }
  const band = scoreBand(kind, score, scale);
  return (
    <Badge
      color={BAND_COLOR[band]}
      variant="light"
      size={size}
      leftSection={bandIcon(band, size === 'lg' ? 14 : 12)}
      data-testid="score-badge"
      data-band={band}
      style={{ flexShrink: 0 }}
    >
      {score} · {bandLabel(kind, band, t)}
    </Badge>
  );
}

/** CSAT / NPS / CES / 評価, with the scale on hover. */
export function SurveyKindBadge({ kind }: { kind: SurveyKind }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`surveyKinds.${kind}.name`)}>
      <Badge color="koe" variant="outline" radius="sm" data-testid="survey-kind">
        {kindShortName(kind) ?? t('surveyKinds.rating.short')}
      </Badge>
    </Tooltip>
  );
}

const STATUS_LOOK: Record<SurveyStatus, { color: string; icon: ReactNode }> = {
  draft: { color: 'gray', icon: <IconPencil size={12} /> },
  active: { color: 'green', icon: <IconCircleCheck size={12} /> },
  archived: { color: 'dark', icon: <IconArchive size={12} /> },
};

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant="light" leftSection={look.icon} radius="sm" data-testid="survey-status">
      {t(`surveyStatus.${status}`)}
    </Badge>
  );
}
