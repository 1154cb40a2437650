import { ActionIcon, Badge, Group, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../shared/contracts/workspaces.ts';
import { useSession } from '../../api/session.ts';
import { useMembers, useRemoveMember, useTeams, useUpdateMemberRole } from '../../api/workspace.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { Page } from '../../components/Page.tsx';
import { describeError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { canAdminister } from '../../lib/permissions.ts';
import { isRole, roleOptions } from '../../lib/roles.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { InvitePanel } from './InvitePanel.tsx';

export function MembersSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSession();
  const members = useMembers();
  const teams = useTeams();
  const changeRole = useUpdateMemberRole();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<Member | null>(null);
  const editable = canAdminister(me.role);
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name;

  const onRole = (member: Member, role: string | null) => {
    if (!isRole(role) || role === member.role) return;
    changeRole.mutate(
      { id: member.id, role },
      {
        onSuccess: () => notifySuccess(t('members.roleChanged')),
        onError: (error) => notifyError(t('errors.title'), describeError(error, t)),
      },
    );
  };

  return (
    <Page title={t('settings.members')} description={t('members.description')}>
      <Stack gap="xl">
        {members.isPending ? (
          <ListSkeleton rows={4} height={40} />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <Paper withBorder radius="md">
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('members.name')}</Table.Th>
                  <Table.Th>{t('members.role')}</Table.Th>
                  <Table.Th>{t('members.teams')}</Table.Th>
                  <Table.Th>{t('members.joined')}</Table.Th>
                  <Table.Th w={48} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.map((member) => {
                  const self = member.id === me.user.id;
                  return (
                    <Table.Tr key={member.id} data-testid="member-row">
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" fw={500}>
                            {member.name}
                          </Text>
                          {self && (
                            <Badge size="xs" variant="light">
                              {t('members.you')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {member.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {editable && !self && (member.role !== 'owner' || me.role === 'owner') ? (
                          <Select
                            aria-label={`${t('members.role')}: ${member.name}`}
                            size="xs"
                            w={150}
                            data={roleOptions(t, me.role === 'owner')}
                            value={member.role}
                            onChange={(role) => onRole(member, role)}
                            allowDeselect={false}
                          />
                        ) : (
                          <Text size="sm">{t(`role.${member.role}`)}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={member.teamIds.length ? undefined : 'dimmed'}>
                          {member.teamIds.map((id) => teamName(id) ?? '…').join(', ') || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDate(member.createdAt, locale)}</Text>
                      </Table.Td>
                      <Table.Td>
                        {editable && !self && (
                          <Tooltip label={t('members.remove')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`${t('members.remove')}: ${member.name}`}
                              onClick={() => setRemoving(member)}
                            >
                              <IconUserMinus size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        {editable && <InvitePanel />}
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('members.remove')}
        message={t('members.removeConfirm', { name: removing?.name ?? '' })}
        confirmLabel={t('members.remove')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifySuccess(t('members.removed'));
              setRemoving(null);
            },
          })
        }
      />
    </Page>
  );
}
