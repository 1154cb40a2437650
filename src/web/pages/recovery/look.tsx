import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlarm, IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCase, RecoveryOutcome } from '../../../shared/contracts/recovery.ts';
import type { SurveyKind } from '../../../shared/contracts/surveys.ts';
import { ScoreBadge } from '../../components/SurveyBadges.tsx';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { OUTCOME_COLOR } from '../../lib/recoveryEvents.ts';
import { useLocale } from '../../lib/useLocale.ts';

const SURVEY_KINDS = ['csat', 'nps', 'ces7', 'ces5'] as const;
const isScoreKind = (kind: string | null): kind is SurveyKind =>
  kind !== null && (SURVEY_KINDS as readonly string[]).includes(kind);

/** The answer that opened a case as a score badge; a case opened by hand says so. */
export function TriggerBadge({
  trigger,
  size = 'sm',
}: {
  trigger: RecoveryCase['trigger'];
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  if (!isScoreKind(trigger.kind)) {
    return (
      <Badge variant="outline" color="gray" size={size} tt="none">
        {t('recovery.card.byHand')}
      </Badge>
    );
  }
  return <ScoreBadge kind={trigger.kind} score={trigger.score} size={size} />;
}

export function OutcomeBadge({ outcome }: { outcome: RecoveryOutcome }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={OUTCOME_COLOR[outcome]}
      variant="light"
      leftSection={outcome === 'recovered' ? <IconCircleCheck size={12} aria-hidden /> : null}
      data-testid="case-outcome"
      tt="none"
    >
      {t(`recovery.outcome.${outcome}`)}
    </Badge>
  );
}

/**
 * When the first contact is due: red with an alarm icon and the word "overdue" once passed
 * (never colour alone), the contact time once made.
 */
export function DueLine({ item }: { item: Pick<RecoveryCase, 'dueAt' | 'overdue' | 'firstContactAt' | 'status'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (item.firstContactAt) {
    return (
      <Text size="xs" c="dimmed">
        {t('recovery.card.contacted', { time: formatRelative(item.firstContactAt, locale) })}
      </Text>
    );
  }
  if (item.status === 'closed') return null;
  const time = formatRelative(item.dueAt, locale);
  return (
    <Tooltip label={formatDateTime(item.dueAt, locale)}>
      <Group gap={4} wrap="nowrap" data-testid="case-due" data-overdue={item.overdue}>
        {item.overdue ? (
          <IconAlarm size={14} color="var(--mantine-color-red-7)" aria-hidden />
        ) : (
          <IconClock size={14} color="var(--mantine-color-dimmed)" aria-hidden />
        )}
        <Text size="xs" c={item.overdue ? 'red.7' : 'dimmed'} fw={item.overdue ? 600 : 400}>
          {item.overdue ? `${t('recovery.card.overdue')} · ` : ''}
          {t('recovery.card.due', { time })}
        </Text>
      </Group>
    </Tooltip>
  );
}
