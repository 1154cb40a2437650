import { Button, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconMessageDots, IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../api/session.ts';
import { responsesCsvUrl, useResponseList } from '../../../api/surveyResponses.ts';
import { useSurveys } from '../../../api/surveys.ts';
import { useMembers } from '../../../api/workspace.ts';
import { ChannelIcon } from '../../../components/ChannelIcon.tsx';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { Page } from '../../../components/Page.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { ScoreBadge } from '../../../components/SurveyBadges.tsx';
import { canManage } from '../../../lib/permissions.ts';
import { FeedbackTabs } from '../FeedbackTabs.tsx';
import { ResponseDrawer } from './ResponseDrawer.tsx';
import { ResponseFilterBar } from './ResponseFilterBar.tsx';
import { useResponseFilters } from './useResponseFilters.ts';

export function ResponsesPage() {
  const { t } = useTranslation();
  const { filters, setFilters, isFiltered, clear, openedId, openResponse } = useResponseFilters();
  const list = useResponseList(filters);
  const surveys = useSurveys();
  const members = useMembers();
  const responses = list.data?.pages.flatMap((page) => page.data) ?? [];
  const scaleOf = (surveyId: string) => surveys.data?.find((s) => s.id === surveyId)?.definition.scale;
  const memberName = (id: string | null) => (id ? members.data?.find((m) => m.id === id)?.name : undefined);
  // Exports are for managers, admins and owners (as the API requires).
  const exporter = canManage(useSession().role);

  let body: React.ReactNode;
  if (list.isPending) body = <ListSkeleton rows={8} height={40} />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (responses.length === 0)
    body = isFiltered ? (
      <Empty icon={<IconSearchOff />} title={t('responses.emptyFiltered')} description={t('inbox.emptyFilteredHint')} />
    ) : (
      <Empty icon={<IconMessageDots />} title={t('responses.empty')} description={t('responses.emptyHint')} />
    );
  else
    body = (
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110} style={{ whiteSpace: 'nowrap' }}>
                  {t('responses.submittedAt')}
                </Table.Th>
                <Table.Th w={150}>{t('responses.score')}</Table.Th>
                <Table.Th>{t('responses.comment')}</Table.Th>
                <Table.Th>{t('responses.customer')}</Table.Th>
                <Table.Th>{t('responses.survey')}</Table.Th>
                <Table.Th w={90} style={{ whiteSpace: 'nowrap' }}>
                  {t('inbox.channel')}
                </Table.Th>
                <Table.Th>{t('responses.agent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {responses.map((response) => (
                <Table.Tr
                  key={response.id}
                  className="koe-row"
                  data-testid="response-row"
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  bg={response.id === openedId ? 'koe.0' : undefined}
                  onClick={() => openResponse(response.id)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') openResponse(response.id);
                  }}
                  aria-label={t('responses.open')}
                >
                  <Table.Td>
                    <RelativeTime iso={response.submittedAt} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <ScoreBadge kind={response.kind} score={response.score} scale={scaleOf(response.surveyId)} />
                  </Table.Td>
                  <Table.Td maw={360}>
                    {response.comment ? (
                      <Text size="sm" lineClamp={2} className="koe-text">
                        {response.comment}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('responses.noComment')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={180}>
                      {response.contact?.name || response.contact?.email || t('responses.anonymous')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={200}>
                      {response.surveyName ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{response.channel ? <ChannelIcon channel={response.channel} /> : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate maw={140}>
                      {memberName(response.agentId) ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <LoadMore
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      </Paper>
    );

  return (
    <Page
      title={t('nav.feedback')}
      description={t('responses.description')}
      tabs={<FeedbackTabs active="responses" />}
      maxWidth={1400}
      actions={
        exporter && responses.length > 0 ? (
          <Tooltip label={t('responses.exportHint')} multiline maw={280}>
            <Button
              component="a"
              href={responsesCsvUrl(filters)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
              data-testid="responses-export"
            >
              {t('responses.exportCsv')}
            </Button>
          </Tooltip>
        ) : null
      }
    >
      <Stack gap="md">
        <ResponseFilterBar filters={filters} onChange={setFilters} isFiltered={isFiltered} onClear={clear} />
        {body}
      </Stack>
      <ResponseDrawer responseId={openedId} onClose={() => openResponse(null)} />
    </Page>
  );
}
