import { Anchor, Badge, Box, Group, Text } from '@mantine/core';
import { IconLifebuoy, IconLock, IconMessage, IconMessages, IconStar } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineItem, TimelineKind } from '../../shared/contracts/customers.ts';
import { SURVEY_KINDS, type SurveyKind } from '../../shared/contracts/surveys.ts';
import { useMembers } from '../api/workspace.ts';
import { describeCaseEvent } from '../lib/recoveryEvents.ts';
import { ChannelIcon } from './ChannelIcon.tsx';
import { CollapsibleText } from './CollapsibleText.tsx';
import { RelativeTime } from './RelativeTime.tsx';
import { SurveyScoreBadge } from './SurveyScoreBadge.tsx';

const KIND_LOOK: Record<TimelineKind, { color: string; icon: typeof IconMessage }> = {
  conversation: { color: 'koe', icon: IconMessages },
  message: { color: 'gray', icon: IconMessage },
  note: { color: 'yellow', icon: IconLock },
  survey_response: { color: 'teal', icon: IconStar },
  recovery: { color: 'orange', icon: IconLifebuoy },
};

const isSurveyKind = (value: unknown): value is SurveyKind => (SURVEY_KINDS as readonly unknown[]).includes(value);

function kindLabel(item: TimelineItem, t: TFunction): string {
  if (item.kind !== 'message') return t(`timeline.kind.${item.kind}`);
  if (item.authorType === 'contact') return t('timeline.kind.customerMessage');
  if (item.authorType === 'bot') return t('timeline.kind.botMessage');
  return t('timeline.kind.reply');
}

interface TimelineEntryProps {
  item: TimelineItem;
  /** The conversation on screen, which needs no link to itself. */
  currentConversationId?: string;
  compact?: boolean;
}

/** A step of a recovery case: "Case #3 · Done: “Apologise”", with a link to the case. */
function RecoveryStep({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const members = useMembers();
  const names = { member: (id: string) => members.data?.find((m) => m.id === id)?.name };
  const type = typeof item.data.event === 'string' ? item.data.event : '';
  const caseId = typeof item.data.caseId === 'string' ? item.data.caseId : null;
  return (
    <Group gap={6} mb={2} wrap="wrap">
      <Text size="sm" fw={500}>
        {t('recovery.case.title', { number: Number(item.data.number) })} ·{' '}
        {describeCaseEvent({ type, data: item.data, actorType: item.authorType ?? 'system' }, t, names)}
      </Text>
      {caseId && (
        <Anchor component={Link} to={`/recovery/cases/${caseId}`} size="xs">
          {t('recovery.open.view')}
        </Anchor>
      )}
    </Group>
  );
}

/** One thing that happened with a customer: a conversation, a message, a note, an answer, a recovery step. */
export function TimelineEntry({ item, currentConversationId, compact = false }: TimelineEntryProps) {
  const { t } = useTranslation();
  const look = KIND_LOOK[item.kind];
  const Icon = look.icon;
  const score = item.data.score;
  const link =
    item.conversationId && item.conversationId !== currentConversationId ? `/inbox/${item.conversationId}` : null;
  const who = item.authorName ?? (item.authorType === 'contact' ? t('conversation.customer') : null);

  return (
    <Box
      data-testid="timeline-item"
      data-kind={item.kind}
      py="xs"
      px="sm"
      style={{
        borderLeft: `3px solid var(--mantine-color-${look.color}-${item.kind === 'note' ? 5 : 3})`,
        background: item.kind === 'note' ? 'var(--mantine-color-yellow-0)' : undefined,
        borderRadius: 4,
      }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={2}>
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Icon size={14} color={`var(--mantine-color-${look.color}-7)`} aria-hidden />
          <Text size="xs" fw={600} c={`${look.color}.8`} style={{ whiteSpace: 'nowrap' }}>
            {kindLabel(item, t)}
          </Text>
          {item.channel && <ChannelIcon channel={item.channel} size={13} />}
          {who && (
            <Text size="xs" c="dimmed" truncate>
              · {who}
            </Text>
          )}
        </Group>
        <RelativeTime iso={item.occurredAt} />
      </Group>
      {item.kind === 'survey_response' && isSurveyKind(item.data.kind) ? (
        <Group gap={6} mb={4} wrap="nowrap">
          <SurveyScoreBadge
            surveyId={typeof item.data.surveyId === 'string' ? item.data.surveyId : null}
            kind={item.data.kind}
            score={typeof score === 'number' ? score : null}
            size="sm"
          />
          {typeof item.data.surveyName === 'string' && (
            <Text size="xs" c="dimmed" truncate>
              {item.data.surveyName}
            </Text>
          )}
        </Group>
      ) : (
        typeof score === 'number' &&
        item.kind !== 'recovery' && (
          <Badge size="sm" variant="light" color="teal" mb={4}>
            {t('timeline.score', { score })}
          </Badge>
        )
      )}
      {item.kind === 'recovery' && <RecoveryStep item={item} />}
      {item.kind === 'conversation' ? (
        <Text size="sm" fw={500} lineClamp={2}>
          {item.text || t('inbox.noSubject')}
        </Text>
      ) : compact ? (
        <Text size="sm" lineClamp={3} className="koe-text">
          {item.text}
        </Text>
      ) : (
        item.text && <CollapsibleText text={item.text} maxHeight={120} />
      )}
      {link && (
        <Anchor component={Link} to={link} size="xs">
          {t('timeline.openConversation')}
        </Anchor>
      )}
    </Box>
  );
}
