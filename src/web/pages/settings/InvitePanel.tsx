import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconLink, IconMailPlus, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contracts/common.ts';
import { useCreateInvitation, useInvitations, useRevokeInvitation } from '../../api/workspace.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError, fieldError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { isRole, roleOptions } from '../../lib/roles.ts';
import { useLocale } from '../../lib/useLocale.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Invite by email: the link is shown once to pass on; pending invitations can be revoked. */
export function InvitePanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const invitations = useInvitations();
  const create = useCreateInvitation();
  const revoke = useRevokeInvitation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const pending = (invitations.data ?? []).filter((i) => !i.acceptedAt);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) {
      setEmailError(t('login.emailInvalid'));
      return;
    }
    setEmailError(null);
    create.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (invitation) => {
          setLink(invitation.acceptUrl ? new URL(invitation.acceptUrl, window.location.origin).toString() : null);
          setEmail('');
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('members.invite')}
        </Title>
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('members.inviteEmail')}
              data-testid="invite-email"
              type="email"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={emailError ?? fieldError(create.error, 'email')}
              style={{ flex: 1, minWidth: 240 }}
            />
            <Select
              label={t('members.inviteRole')}
              data={roleOptions(t, false)}
              value={role}
              onChange={(value) => isRole(value) && setRole(value)}
              allowDeselect={false}
              w={170}
              error={fieldError(create.error, 'role')}
            />
            <Button
              type="submit"
              mt={25}
              leftSection={<IconMailPlus size={16} />}
              loading={create.isPending}
              data-testid="invite-submit"
            >
              {t('members.inviteSend')}
            </Button>
          </Group>
        </form>
        {create.error && !fieldError(create.error, 'email') && !fieldError(create.error, 'role') ? (
          <ErrorState error={create.error} />
        ) : null}
        {link && (
          <Alert color="teal" variant="light" icon={<IconLink />} data-testid="invite-link">
            <Text size="sm" mb="xs">
              {t('members.inviteCreated')}
            </Text>
            <CopyField value={link} testId="invite-url" />
          </Alert>
        )}
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('members.pending')}
          </Text>
          {pending.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('members.noPending')}
            </Text>
          ) : (
            pending.map((invitation) => (
              <Group key={invitation.id} justify="space-between" wrap="nowrap" py={4}>
                <Text size="sm" truncate>
                  {invitation.email} · {t(`role.${invitation.role}`)}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('members.expires', { date: formatDate(invitation.expiresAt, locale) })}
                  </Text>
                  <Tooltip label={t('members.revokeInvite')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('members.revokeInvite')}: ${invitation.email}`}
                      onClick={() =>
                        revoke.mutate(invitation.id, {
                          onSuccess: () => notifySuccess(t('members.inviteRevoked')),
                          onError: (error) => notifyError(t('errors.title'), describeError(error, t)),
                        })
                      }
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            ))
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
