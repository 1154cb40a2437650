import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { IconSearchOff, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useContactList } from '../../api/customers.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { RelativeTime } from '../../components/RelativeTime.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { languageName } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { CustomersTabs } from './CustomersTabs.tsx';

export function ContactsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const list = useContactList({ q });
  const contacts = list.data?.pages.flatMap((page) => page.data) ?? [];

  let body: React.ReactNode;
  if (list.isPending) body = <ListSkeleton rows={8} height={40} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (contacts.length === 0)
    body = q ? (
      <Empty icon={<IconSearchOff />} title={t('customers.emptySearch')} description={t('inbox.emptyFilteredHint')} />
    ) : (
      <Empty icon={<IconUsers />} title={t('customers.empty')} description={t('customers.emptyHint')} />
    );
  else
    body = (
      <Paper withBorder radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.name')}</Table.Th>
              <Table.Th>{t('customers.emails')}</Table.Th>
              <Table.Th>{t('customers.company')}</Table.Th>
              <Table.Th>{t('customers.locale')}</Table.Th>
              <Table.Th>{t('customers.updatedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((contact) => (
              <Table.Tr key={contact.id} data-testid="contact-row">
                <Table.Td>
                  <Anchor component={Link} to={`/customers/contacts/${contact.id}`} fw={500} size="sm">
                    {contact.name || t('customers.noName')}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate maw={260}>
                    {contact.emails.join(', ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{contact.company?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{languageName(contact.locale, locale) ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <RelativeTime iso={contact.updatedAt} size="sm" />
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
    <Page title={t('customers.title')} tabs={<CustomersTabs active="contacts" />}>
      <Stack gap="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('customers.searchContacts')}
          initial={q}
          onSearch={(value) => setParams(value.trim() ? { q: value } : {}, { replace: true })}
        />
        {body}
      </Stack>
    </Page>
  );
}
