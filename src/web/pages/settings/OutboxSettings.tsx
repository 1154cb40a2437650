import { Alert, Chip, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconInbox, IconMailOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMAIL_PURPOSES, EMAIL_STATUSES, type EmailStatus } from '../../../shared/contracts/email.ts';
import { useOutbox } from '../../api/email.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { EmailStatusBadge, STATUS_LOOK } from './EmailStatusBadge.tsx';
import { OutboxEmailDialog } from './OutboxEmailDialog.tsx';

const isPurpose = (value: string): value is (typeof EMAIL_PURPOSES)[number] =>
  (EMAIL_PURPOSES as readonly string[]).includes(value);

/** Every email Koe wrote: sent through SMTP, or captured here when no SMTP server is set. */
export function OutboxSettings() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<EmailStatus | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const outbox = useOutbox(status);
  const emails = outbox.data?.pages.flatMap((page) => page.data) ?? [];
  const capturedOnly = emails.length > 0 && emails.every((email) => email.status === 'captured');

  let body: ReactNode;
  if (outbox.isPending) body = <ListSkeleton rows={6} height={40} />;
  else if (outbox.isError) body = <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />;
  else if (emails.length === 0)
    body = <Empty icon={<IconMailOff />} title={t('outbox.empty')} description={t('outbox.emptyHint')} />;
  else
    body = (
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('outbox.to')}</Table.Th>
                <Table.Th>{t('outbox.subject')}</Table.Th>
                <Table.Th>{t('outbox.purpose')}</Table.Th>
                <Table.Th>{t('outbox.statusLabel')}</Table.Th>
                <Table.Th>{t('outbox.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {emails.map((email) => (
                <Table.Tr
                  key={email.id}
                  className="koe-row"
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setOpened(email.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') setOpened(email.id);
                  }}
                  data-testid="outbox-row"
                >
                  <Table.Td>
                    <Text size="sm" truncate maw={220}>
                      {email.to}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500} truncate maw={320}>
                      {email.subject}
                    </Text>
                    {email.lastError && (
                      <Text size="xs" c="red.8" truncate maw={320}>
                        {email.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {isPurpose(email.purpose) ? t(`outbox.purposes.${email.purpose}`) : email.purpose}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <EmailStatusBadge status={email.status} />
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime iso={email.createdAt} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <LoadMore
          hasMore={outbox.hasNextPage}
          loading={outbox.isFetchingNextPage}
          onLoad={() => void outbox.fetchNextPage()}
        />
      </Paper>
    );

  return (
    <Page title={t('settings.outbox')} description={t('outbox.description')}>
      <Stack gap="md">
        {capturedOnly && (
          <Alert color="grape" variant="light" icon={<IconInbox size={18} />}>
            {t('outbox.capturedNote')}
          </Alert>
        )}
        <Chip.Group
          value={status ?? 'all'}
          onChange={(value) => setStatus(value === 'all' ? null : (value as EmailStatus))}
        >
          <Group gap={6} role="group" aria-label={t('outbox.statusLabel')}>
            <Chip value="all" size="xs" variant="outline">
              {t('outbox.all')}
            </Chip>
            {EMAIL_STATUSES.map((s) => (
              <Chip key={s} value={s} size="xs" variant="outline" color={STATUS_LOOK[s].color}>
                {t(`outbox.status.${s}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {body}
      </Stack>
      <OutboxEmailDialog emailId={opened} onClose={() => setOpened(null)} />
    </Page>
  );
}
