import { Anchor, Box, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCompany, useContactList } from '../../api/customers.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

export function CompanyPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { companyId = '' } = useParams();
  const company = useCompany(companyId);
  const contacts = useContactList({ q: '', companyId }, Boolean(companyId));
  const people = contacts.data?.pages.flatMap((page) => page.data) ?? [];

  const back = (
    <Anchor component={Link} to="/customers/companies" size="sm" mb="sm" display="inline-block">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('customers.companies')}
      </Group>
    </Anchor>
  );

  if (company.isPending) {
    return (
      <Box px="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width={260} mb="md" />
        <Skeleton height={80} />
      </Box>
    );
  }
  if (company.isError) {
    return (
      <Box px="xl" py="lg">
        {back}
        <ErrorState error={company.error} onRetry={() => void company.refetch()} />
      </Box>
    );
  }
  const data = company.data;

  return (
    <Page above={back} title={data.name} description={data.domain}>
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Fact label={t('customers.lifecycleStage')}>{t(`customers.stages.${data.lifecycleStage}`)}</Fact>
            <Fact label={t('customers.plan')}>{data.plan ?? '—'}</Fact>
            <Fact label={t('customers.revenue')}>
              {data.revenue === null ? '—' : formatNumber(data.revenue, locale)}
            </Fact>
            <Fact label={t('customers.createdAt')}>{formatDate(data.createdAt, locale)}</Fact>
          </SimpleGrid>
        </Paper>
        <Title order={2} size="h4">
          {t('customers.companyContacts')}
        </Title>
        {contacts.isPending ? (
          <ListSkeleton rows={3} height={36} />
        ) : contacts.isError ? (
          <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
        ) : people.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('customers.noCompanyContacts')}
          </Text>
        ) : (
          <Paper withBorder radius="md">
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customers.name')}</Table.Th>
                  <Table.Th>{t('customers.emails')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((contact) => (
                  <Table.Tr key={contact.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/contacts/${contact.id}`} size="sm" fw={500}>
                        {contact.name || t('customers.noName')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{contact.emails.join(', ') || '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <LoadMore
              hasMore={contacts.hasNextPage}
              loading={contacts.isFetchingNextPage}
              onLoad={() => void contacts.fetchNextPage()}
            />
          </Paper>
        )}
      </Stack>
    </Page>
  );
}
