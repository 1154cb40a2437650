import { Anchor, Avatar, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecoveryCase } from '../../../shared/contracts/recovery.ts';
import { ChannelIcon } from '../../components/ChannelIcon.tsx';
import { startCaseDrag } from './dragCase.ts';
import { DueLine, OutcomeBadge, TriggerBadge } from './look.tsx';
import { MoveMenu } from './MoveMenu.tsx';

/**
 * A case on the board: customer, what opened it, owner, due time, progress and the move menu.
 * It can be dragged to another column too (the move menu is the keyboard's way).
 */
export function CaseCard({ item, canWrite }: { item: RecoveryCase; canWrite: boolean }) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const name = item.contact?.name || item.contact?.email || t('customers.noName');
  const text = item.trigger.comment || item.reason;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid="recovery-card"
      data-case={item.number}
      draggable={canWrite}
      onDragStart={(event) => {
        startCaseDrag(event, item);
        setDragging(true);
      }}
      onDragEnd={() => setDragging(false)}
      style={{
        borderLeft: `4px solid var(--mantine-color-${item.overdue ? 'red-6' : 'gray-3'})`,
        cursor: canWrite ? 'grab' : undefined,
        opacity: dragging ? 0.5 : 1,
      }}
    >
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Anchor
            component={Link}
            to={`/recovery/cases/${item.id}`}
            fw={600}
            size="sm"
            c="inherit"
            style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            data-testid="recovery-card-link"
          >
            <Text span c="dimmed" size="sm" mr={4}>
              #{item.number}
            </Text>
            {name}
          </Anchor>
          {item.channel && <ChannelIcon channel={item.channel} size={14} />}
        </Group>
        <Group gap={6} wrap="nowrap">
          <TriggerBadge trigger={item.trigger} size="xs" />
          {item.outcome && <OutcomeBadge outcome={item.outcome} />}
        </Group>
        <Text size="xs" c={text ? undefined : 'dimmed'} lineClamp={2} className="koe-text">
          {text || t('recovery.card.noComment')}
        </Text>
        <DueLine item={item} />
        <Group justify="space-between" gap="xs" wrap="nowrap" mt={2}>
          <Tooltip label={item.owner?.name ?? t('recovery.card.noOwner')}>
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <Avatar size={20} radius="xl" color="teal" name={item.owner?.name ?? '?'} />
              <Text size="xs" truncate c={item.owner ? undefined : 'dimmed'}>
                {item.owner?.name ?? t('recovery.card.noOwner')}
              </Text>
            </Group>
          </Tooltip>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('recovery.card.progress', item.progress)}
          </Text>
        </Group>
        {canWrite && (
          <Group justify="flex-end">
            <MoveMenu item={item} />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
