import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconMailOff, IconPlus, IconSearchOff, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailSuppression, SuppressionReason } from '../../../shared/contracts/email.ts';
import { useAddSuppression, useRemoveSuppression, useSuppressions } from '../../api/email.ts';
import { useSession } from '../../api/session.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { fieldError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { canManage } from '../../lib/permissions.ts';
import { useLocale } from '../../lib/useLocale.ts';

const REASON_COLOR: Record<SuppressionReason, string> = { unsubscribed: 'gray', bounced: 'orange', manual: 'koe' };

/** Addresses that never get survey email again: people who unsubscribed, bounces, and ones added by hand. */
export function SuppressionsSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSession();
  const editable = canManage(me.role);
  const [q, setQ] = useState('');
  const list = useSuppressions(q);
  const add = useAddSuppression();
  const remove = useRemoveSuppression();
  const [email, setEmail] = useState('');
  const [reason, setReason] = useState<'manual' | 'bounced'>('manual');
  const [removing, setRemoving] = useState<EmailSuppression | null>(null);
  const items = list.data?.pages.flatMap((page) => page.data) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) return;
    add.mutate(
      { email: email.trim(), reason },
      {
        onSuccess: () => {
          setEmail('');
          notifySuccess(t('suppressions.added'));
        },
      },
    );
  };

  let body: React.ReactNode;
  if (list.isPending) body = <ListSkeleton rows={4} height={36} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0)
    body = q ? (
      <Empty icon={<IconSearchOff />} title={t('common.noResults')} description={t('suppressions.emptySearch')} />
    ) : (
      <Empty icon={<IconMailOff />} title={t('suppressions.empty')} description={t('suppressions.emptyHint')} />
    );
  else
    body = (
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('suppressions.email')}</Table.Th>
              <Table.Th>{t('suppressions.reason')}</Table.Th>
              <Table.Th>{t('suppressions.since')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.email} data-testid="suppression-row">
                <Table.Td>
                  <Text size="sm">{item.email}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={REASON_COLOR[item.reason]} variant="light" radius="sm">
                    {t(`suppressions.reasons.${item.reason}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(item.createdAt, locale)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  {editable && (
                    <Tooltip label={t('suppressions.remove')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('suppressions.remove')}: ${item.email}`}
                        onClick={() => setRemoving(item)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <LoadMore
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      </Paper>
    );

  return (
    <Page title={t('settings.suppressions')} description={t('suppressions.description')}>
      <Stack gap="lg">
        {editable && (
          <Paper withBorder p="md" radius="md">
            <form onSubmit={submit} noValidate>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <TextInput
                  label={t('suppressions.email')}
                  type="email"
                  placeholder="name@example.jp"
                  value={email}
                  onChange={(event) => setEmail(event.currentTarget.value)}
                  error={fieldError(add.error, 'email')}
                  style={{ flex: 1, minWidth: 240 }}
                  data-testid="suppression-email"
                />
                <Select
                  label={t('suppressions.reason')}
                  data={(['manual', 'bounced'] as const).map((r) => ({
                    value: r,
                    label: t(`suppressions.reasons.${r}`),
                  }))}
                  value={reason}
                  onChange={(value) => setReason(value === 'bounced' ? 'bounced' : 'manual')}
                  allowDeselect={false}
                  w={200}
                />
                <Button
                  type="submit"
                  mt={25}
                  leftSection={<IconPlus size={16} />}
                  loading={add.isPending}
                  data-testid="suppression-add"
                >
                  {t('suppressions.add')}
                </Button>
              </Group>
            </form>
            {add.error && !fieldError(add.error, 'email') ? <ErrorState error={add.error} /> : null}
          </Paper>
        )}
        <SearchInput label={t('common.search')} placeholder={t('suppressions.search')} initial={q} onSearch={setQ} />
        {body}
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title={t('suppressions.remove')}
        message={t('suppressions.removeConfirm', { email: removing?.email ?? '' })}
        confirmLabel={t('suppressions.remove')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.email, {
            onSuccess: () => {
              notifySuccess(t('suppressions.removed'));
              setRemoving(null);
            },
          })
        }
      />
    </Page>
  );
}
