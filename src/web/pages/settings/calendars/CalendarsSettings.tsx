import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCalendarOff, IconCalendarTime, IconClock, IconPlus, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../../shared/contracts/calendars.ts';
import { useCalendars, useDeleteCalendar } from '../../../api/calendars.ts';
import { useSession } from '../../../api/session.ts';
import { useTeams, useWorkspace } from '../../../api/workspace.ts';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteDialog.tsx';
import { EditDeleteActions } from '../../../components/EditDeleteActions.tsx';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { Page } from '../../../components/Page.tsx';
import { summarizeOpeningHours } from '../../../lib/openingHours.ts';
import { canManage } from '../../../lib/permissions.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { CalendarDialog } from './CalendarDialog.tsx';
import { HolidaysDialog } from './HolidaysDialog.tsx';

/** Settings → Business hours: the calendars durations and SLA deadlines are counted in. */
export function CalendarsSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSession();
  const calendars = useCalendars();
  const teams = useTeams();
  const workspace = useWorkspace();
  const remove = useDeleteCalendar();
  const [editing, setEditing] = useState<Calendar | 'new' | null>(null);
  const [holidaysOf, setHolidaysOf] = useState<Calendar | null>(null);
  const [deleting, setDeleting] = useState<Calendar | null>(null);
  const editable = canManage(me.role);
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name ?? '?';

  const createButton = editable && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="calendar-create">
      {t('calendars.create')}
    </Button>
  );

  let body: React.ReactNode;
  if (calendars.isPending) body = <ListSkeleton rows={3} />;
  else if (calendars.isError) body = <ErrorState error={calendars.error} onRetry={() => void calendars.refetch()} />;
  else if (calendars.data.length === 0)
    body = (
      <Empty
        icon={<IconCalendarOff />}
        title={t('calendars.empty')}
        description={t('calendars.emptyHint')}
        action={createButton}
      />
    );
  else
    body = (
      <Stack gap="md">
        {calendars.data.map((calendar) => (
          <Paper key={calendar.id} withBorder p="md" radius="md" data-testid="calendar-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={6} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={600}>{calendar.name}</Text>
                  {calendar.isDefault && (
                    <Badge variant="light" size="sm">
                      {t('calendars.defaultBadge')}
                    </Badge>
                  )}
                </Group>
                <Group gap={6} wrap="nowrap">
                  <IconClock size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                  <Text size="sm" data-testid="calendar-summary">
                    {summarizeOpeningHours(calendar.ranges, locale)}
                  </Text>
                </Group>
                <Group gap={6} wrap="nowrap">
                  <IconWorld size={16} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
                  <Text size="sm" c="dimmed">
                    {calendar.timeZone}
                  </Text>
                </Group>
              </Stack>
              {editable && (
                <EditDeleteActions
                  name={calendar.name}
                  onEdit={() => setEditing(calendar)}
                  onDelete={() => setDeleting(calendar)}
                />
              )}
            </Group>
            <Group gap="xs" mt="sm" justify="space-between" align="center">
              <Group gap={6}>
                {calendar.channels.map((channel) => (
                  <Badge key={channel} variant="outline" color="gray" size="sm" tt="none">
                    {t(`channel.${channel}`)}
                  </Badge>
                ))}
                {calendar.teamIds.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('calendars.teamsUsing', {
                      names: calendar.teamIds.map(teamName).join(locale === 'ja' ? '、' : ', '),
                    })}
                  </Text>
                )}
              </Group>
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconCalendarTime size={14} />}
                onClick={() => setHolidaysOf(calendar)}
                data-testid="calendar-holidays"
              >
                {t('calendars.holidayCount', { count: calendar.holidayCount })}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    );

  return (
    <Page
      title={t('calendars.title')}
      description={t('calendars.description')}
      actions={calendars.data && calendars.data.length > 0 ? createButton : null}
      maxWidth={900}
    >
      {body}
      {editing && (
        <CalendarDialog
          calendar={editing === 'new' ? null : editing}
          defaultTimeZone={workspace.data?.timeZone ?? 'Asia/Tokyo'}
          onClose={() => setEditing(null)}
        />
      )}
      {holidaysOf && (
        <HolidaysDialog
          calendar={calendars.data?.find((c) => c.id === holidaysOf.id) ?? holidaysOf}
          editable={editable}
          onClose={() => setHolidaysOf(null)}
        />
      )}
      <ConfirmDeleteDialog
        item={deleting}
        remove={remove}
        message={(name) => t('calendars.deleteConfirm', { name })}
        deletedMessage={t('calendars.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Page>
  );
}
