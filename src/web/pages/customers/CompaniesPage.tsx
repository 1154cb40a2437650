import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { IconBuilding, IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCompanyList } from '../../api/customers.ts';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { CustomersTabs } from './CustomersTabs.tsx';

export function CompaniesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const list = useCompanyList(q);
  const companies = list.data?.pages.flatMap((page) => page.data) ?? [];

  let body: React.ReactNode;
  if (list.isPending) body = <ListSkeleton rows={6} height={40} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (companies.length === 0)
    body = q ? (
      <Empty icon={<IconSearchOff />} title={t('common.noResults')} description={t('inbox.emptyFilteredHint')} />
    ) : (
      <Empty icon={<IconBuilding />} title={t('customers.noCompanies')} description={t('customers.noCompaniesHint')} />
    );
  else
    body = (
      <Paper withBorder radius="md">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.name')}</Table.Th>
              <Table.Th>{t('customers.domain')}</Table.Th>
              <Table.Th>{t('customers.plan')}</Table.Th>
              <Table.Th>{t('customers.lifecycleStage')}</Table.Th>
              <Table.Th ta="right">{t('customers.contactCount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {companies.map((company) => (
              <Table.Tr key={company.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/customers/companies/${company.id}`} fw={500} size="sm">
                    {company.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{company.domain ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{company.plan ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`customers.stages.${company.lifecycleStage}`)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">
                    {company.contactCount === undefined ? '—' : formatNumber(company.contactCount, locale)}
                  </Text>
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
    <Page title={t('customers.title')} tabs={<CustomersTabs active="companies" />}>
      <Stack gap="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('customers.searchCompanies')}
          initial={q}
          onSearch={(value) => setParams(value.trim() ? { q: value } : {}, { replace: true })}
        />
        {body}
      </Stack>
    </Page>
  );
}
