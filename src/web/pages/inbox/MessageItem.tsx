import { Badge, Box, Group, Paper, Text } from '@mantine/core';
import { IconLock, IconRobot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../shared/contracts/conversations.ts';
import { CollapsibleText } from '../../components/CollapsibleText.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';

const LOOK = {
  customer: { align: 'flex-start', bg: 'var(--mantine-color-gray-1)', border: 'var(--mantine-color-gray-3)' },
  bot: { align: 'flex-start', bg: 'var(--mantine-color-teal-0)', border: 'var(--mantine-color-teal-2)' },
  reply: { align: 'flex-end', bg: 'var(--mantine-color-koe-0)', border: 'var(--mantine-color-koe-2)' },
  note: { align: 'stretch', bg: 'var(--mantine-color-yellow-0)', border: 'var(--mantine-color-yellow-4)' },
} as const;

/** One message: customer on the left, our replies on the right, internal notes yellow across. */
export function MessageItem({ message, customerName }: { message: Message; customerName: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const look = LOOK[message.kind];
  const author =
    message.authorType === 'automation'
      ? t('automation.byRule', { name: message.authorName ?? t('automation.deletedRuleName') })
      : (message.authorName ??
        (message.kind === 'customer'
          ? customerName
          : message.kind === 'bot'
            ? t('conversation.bot')
            : t('conversation.someone')));

  return (
    <Box
      data-testid="message"
      data-kind={message.kind}
      style={{ display: 'flex', flexDirection: 'column', alignItems: look.align }}
    >
      <Paper
        px="md"
        py="xs"
        radius="md"
        maw={message.kind === 'note' ? undefined : '78%'}
        style={{
          background: look.bg,
          border: `1px solid ${look.border}`,
          borderStyle: message.kind === 'note' ? 'dashed' : 'solid',
        }}
      >
        <Group gap="xs" mb={4} wrap="nowrap">
          {message.kind === 'note' && (
            <Badge color="yellow" variant="filled" size="sm" leftSection={<IconLock size={11} />} c="dark" tt="none">
              {t('conversation.internalNote')}
            </Badge>
          )}
          {message.kind === 'bot' && (
            <Badge color="teal" variant="light" size="sm" leftSection={<IconRobot size={11} />} tt="none">
              {t('conversation.bot')}
            </Badge>
          )}
          <Text size="xs" fw={600} truncate>
            {author}
          </Text>
          <Text component="time" dateTime={message.createdAt} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(message.createdAt, locale)}
          </Text>
        </Group>
        <CollapsibleText text={message.body} />
      </Paper>
    </Box>
  );
}
