import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contracts/common.ts';
import type { ApiKey } from '../../../shared/contracts/workspaces.ts';
import { useSession } from '../../api/session.ts';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../api/workspace.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { NoPermission } from '../../components/NoPermission.tsx';
import { Page } from '../../components/Page.tsx';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { fieldError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { canAdminister } from '../../lib/permissions.ts';
import { isRole, roleOptions } from '../../lib/roles.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { ApiKeyCreated } from './ApiKeyCreated.tsx';

export function ApiKeysSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSession();
  const editable = canAdminister(me.role);
  const keys = useApiKeys(editable);
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('admin');
  const [nameError, setNameError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('common.required'));
      return;
    }
    setNameError(null);
    create.mutate(
      { name: name.trim(), role },
      {
        onSuccess: (key) => {
          setName('');
          setSecret(key.key ?? null);
        },
      },
    );
  };

  if (!editable) {
    return (
      <Page title={t('settings.apiKeys')} description={t('apiKeys.description')}>
        <NoPermission />
      </Page>
    );
  }

  const list = keys.data ?? [];
  return (
    <Page title={t('settings.apiKeys')} description={t('apiKeys.description')}>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <form onSubmit={submit} noValidate>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                label={t('apiKeys.name')}
                data-testid="api-key-name"
                placeholder={t('apiKeys.namePlaceholder')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                error={nameError ?? fieldError(create.error, 'name')}
                style={{ flex: 1, minWidth: 220 }}
              />
              <Select
                label={t('apiKeys.role')}
                data={roleOptions(t, false)}
                value={role}
                onChange={(value) => isRole(value) && setRole(value)}
                allowDeselect={false}
                w={170}
              />
              <Button
                type="submit"
                mt={25}
                leftSection={<IconPlus size={16} />}
                loading={create.isPending}
                data-testid="api-key-create"
              >
                {t('apiKeys.create')}
              </Button>
            </Group>
          </form>
          {create.error && !fieldError(create.error, 'name') ? <ErrorState error={create.error} /> : null}
        </Paper>
        {keys.isPending ? (
          <ListSkeleton rows={3} height={40} />
        ) : keys.isError ? (
          <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />
        ) : list.length === 0 ? (
          <Empty icon={<IconKey />} title={t('apiKeys.empty')} description={t('apiKeys.emptyHint')} />
        ) : (
          <Paper withBorder radius="md">
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('apiKeys.name')}</Table.Th>
                  <Table.Th>{t('apiKeys.hint')}</Table.Th>
                  <Table.Th>{t('apiKeys.role')}</Table.Th>
                  <Table.Th>{t('apiKeys.created')}</Table.Th>
                  <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((key) => (
                  <Table.Tr key={key.id} c={key.revokedAt ? 'dimmed' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={500} td={key.revokedAt ? 'line-through' : undefined}>
                        {key.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {key.hint}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`role.${key.role}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(key.createdAt, locale)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {key.lastUsedAt ? (
                        <RelativeTime iso={key.lastUsedAt} size="sm" />
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('apiKeys.never')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {key.revokedAt ? (
                        <Badge color="gray" variant="light">
                          {t('apiKeys.revoked')}
                        </Badge>
                      ) : (
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(key)}>
                          {t('apiKeys.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Stack>
      {secret && <ApiKeyCreated secret={secret} onClose={() => setSecret(null)} />}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('apiKeys.revoke')}
        message={t('apiKeys.revokeConfirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke')}
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => {
          revoke.reset();
          setRevoking(null);
        }}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifySuccess(t('apiKeys.revokedToast'));
              setRevoking(null);
            },
          })
        }
      />
    </Page>
  );
}
