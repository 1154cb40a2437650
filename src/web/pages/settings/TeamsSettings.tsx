import { Avatar, Button, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/contracts/workspaces.ts';
import { useSession } from '../../api/session.ts';
import { useDeleteTeam, useMembers, useTeams } from '../../api/workspace.ts';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog.tsx';
import { EditDeleteActions } from '../../components/EditDeleteActions.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { Page } from '../../components/Page.tsx';
import { canManage } from '../../lib/permissions.ts';
import { TeamDialog } from './TeamDialog.tsx';

export function TeamsSettings() {
  const { t } = useTranslation();
  const me = useSession();
  const teams = useTeams();
  const members = useMembers();
  const remove = useDeleteTeam();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const editable = canManage(me.role);
  const memberName = (id: string) => members.data?.find((m) => m.id === id)?.name ?? '?';

  const createButton = editable && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="team-create">
      {t('teams.create')}
    </Button>
  );

  let body: React.ReactNode;
  if (teams.isPending) body = <ListSkeleton rows={3} />;
  else if (teams.isError) body = <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />;
  else if (teams.data.length === 0)
    body = (
      <Empty
        icon={<IconUsersGroup />}
        title={t('teams.empty')}
        description={t('teams.emptyHint')}
        action={createButton}
      />
    );
  else
    body = (
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {teams.data.map((team) => (
          <Paper key={team.id} withBorder p="md" radius="md" data-testid="team-card">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600}>{team.name}</Text>
                {team.description && (
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {team.description}
                  </Text>
                )}
              </Stack>
              {editable && (
                <EditDeleteActions
                  name={team.name}
                  onEdit={() => setEditing(team)}
                  onDelete={() => setDeleting(team)}
                />
              )}
            </Group>
            <Group gap="xs" mt="sm">
              <Avatar.Group>
                {team.memberIds.slice(0, 6).map((id) => (
                  <Tooltip key={id} label={memberName(id)}>
                    <Avatar size="sm" radius="xl" name={memberName(id)} color="initials" />
                  </Tooltip>
                ))}
              </Avatar.Group>
              <Text size="xs" c="dimmed">
                {t('teams.memberCount', { count: team.memberIds.length })}
              </Text>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    );

  return (
    <Page
      title={t('settings.teams')}
      description={t('teams.description')}
      actions={teams.data && teams.data.length > 0 ? createButton : null}
    >
      {body}
      {editing && <TeamDialog team={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDeleteDialog
        item={deleting}
        remove={remove}
        message={(name) => t('teams.deleteConfirm', { name })}
        deletedMessage={t('teams.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Page>
  );
}
