import { Anchor, Badge, Button, ScrollArea, Skeleton, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InsightsFilters } from '../../../api/metrics.ts';
import { slaBreachesCsvUrl, useSlaBreaches } from '../../../api/sla.ts';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { formatShortDuration } from '../../../lib/slaClock.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { TitledCard } from '../TitledCard.tsx';

/** Missed deadlines of the period, newest first, each opening its conversation; CSV export with the same filters. */
export function BreachesCard({ filters, canExport }: { filters: InsightsFilters; canExport: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const breaches = useSlaBreaches(filters);
  const rows = breaches.data?.pages.flatMap((page) => page.data) ?? [];

  let body: React.ReactNode;
  if (breaches.isPending) body = <Skeleton h={160} />;
  else if (breaches.isError) body = <ErrorState error={breaches.error} onRetry={() => void breaches.refetch()} />;
  else if (rows.length === 0)
    body = (
      <Empty
        icon={<IconCircleCheck />}
        title={t('sla.insights.noBreaches')}
        description={t('sla.insights.noBreachesHint')}
        size="sm"
      />
    );
  else
    body = (
      <>
        <ScrollArea type="auto">
          <Table verticalSpacing="xs" data-testid="sla-breaches-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sla.insights.columns.breachedAt')}</Table.Th>
                <Table.Th>{t('sla.insights.columns.conversation')}</Table.Th>
                <Table.Th>{t('sla.insights.columns.target')}</Table.Th>
                <Table.Th>{t('sla.insights.columns.policy')}</Table.Th>
                <Table.Th>{t('sla.insights.columns.agent')}</Table.Th>
                <Table.Th>{t('sla.insights.columns.late')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((breach) => {
                const late = breach.metAt ? (Date.parse(breach.metAt) - Date.parse(breach.dueAt)) / 1000 : null;
                return (
                  <Table.Tr key={breach.targetId}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDateTime(breach.breachedAt, locale)}</Text>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Anchor component={Link} to={`/inbox/${breach.conversationId}`} size="sm" lineClamp={1}>
                        {breach.subject || t('inbox.noSubject')}
                      </Anchor>
                      <Text size="xs" c="dimmed" truncate>
                        {breach.contactName || t('inbox.unknownCustomer')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="red" radius="sm" tt="none">
                        {t(`sla.kinds.${breach.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{breach.policyName ?? t('sla.insights.deletedPolicy')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{breach.agentName ?? t('sla.insights.none')}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {late === null ? (
                        <Text size="sm" c="red" fw={500}>
                          {t('sla.insights.notMet')}
                        </Text>
                      ) : (
                        <Text size="sm">{t('sla.insights.lateBy', { time: formatShortDuration(late, locale) })}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        <LoadMore
          hasMore={breaches.hasNextPage}
          loading={breaches.isFetchingNextPage}
          onLoad={() => void breaches.fetchNextPage()}
        />
      </>
    );

  return (
    <TitledCard title={t('sla.insights.breachesTitle')} hint={t('sla.insights.breachesHint')} testId="sla-breaches">
      {canExport && rows.length > 0 && (
        <Button
          component="a"
          href={slaBreachesCsvUrl(filters)}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
          mb="sm"
          data-testid="sla-breaches-export"
        >
          {t('sla.insights.exportCsv')}
        </Button>
      )}
      {body}
    </TitledCard>
  );
}
