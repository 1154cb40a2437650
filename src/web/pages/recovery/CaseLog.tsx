import { Paper, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecoveryCaseDetail } from '../../../shared/contracts/recovery.ts';
import { useMembers } from '../../api/workspace.ts';
import { CollapsibleText } from '../../components/CollapsibleText.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { actorLabel, describeCaseEvent, isShownInLog } from '../../lib/recoveryEvents.ts';
import { useLocale } from '../../lib/useLocale.ts';

/** Every step of the case, oldest first: what happened, who did it, when. */
export function CaseLog({ item }: { item: RecoveryCaseDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const members = useMembers();
  const names = { member: (id: string) => members.data?.find((m) => m.id === id)?.name };
  return (
    <Paper withBorder radius="md" p="md" data-testid="case-log">
      <Title order={2} size="h5" mb="sm">
        {t('recovery.case.history')}
      </Title>
      <Timeline bulletSize={12} lineWidth={2}>
        {item.events.filter(isShownInLog).map((event) => {
          const note = [event.data.note, event.data.reason, event.data.comment].find(
            (value): value is string => typeof value === 'string' && value.length > 0,
          );
          return (
            <Timeline.Item key={event.id} title={<Text size="sm">{describeCaseEvent(event, t, names)}</Text>}>
              {note && <CollapsibleText text={note} maxHeight={80} />}
              <Text size="xs" c="dimmed">
                {actorLabel(event, t)} · {formatDateTime(event.occurredAt, locale)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}
