import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCases } from '../../api/recovery.ts';
import { DueLine, TriggerBadge } from './look.tsx';

/** The customer's open recovery cases, in the inbox's customer panel (nothing while there are none). */
export function OpenCasesPanel({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const cases = useCases({ contactId, status: ['new', 'contacted', 'action', 'follow_up'] }, { limit: 10 });
  const items = cases.data?.pages.flatMap((page) => page.data) ?? [];
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="open-cases">
      <Text size="sm" fw={600}>
        {t('recovery.panel.title')}
      </Text>
      {items.map((item) => (
        <Paper
          key={item.id}
          withBorder
          p="xs"
          radius="md"
          style={{ borderLeft: `3px solid var(--mantine-color-${item.overdue ? 'red-6' : 'orange-4'})` }}
        >
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Anchor component={Link} to={`/recovery/cases/${item.id}`} size="sm" fw={600}>
              {t('recovery.case.title', { number: item.number })}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t(`recovery.status.${item.status}`)}
            </Text>
          </Group>
          <Group gap={6} mt={4} wrap="nowrap">
            <TriggerBadge trigger={item.trigger} size="xs" />
            <Text size="xs" c="dimmed" truncate>
              {item.owner?.name ?? t('recovery.card.noOwner')}
            </Text>
          </Group>
          <DueLine item={item} />
        </Paper>
      ))}
    </Stack>
  );
}
