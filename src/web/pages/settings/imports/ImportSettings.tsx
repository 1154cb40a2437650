import {
  Alert,
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_COLUMNS,
  type ImportIssue,
  type ImportKind,
  type ImportSummary,
  REQUIRED_IMPORT_COLUMNS,
} from '../../../../shared/contracts/exports.ts';
import { useImportJob, useStartImport } from '../../../api/imports.ts';
import { useSession } from '../../../api/session.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { NoPermission } from '../../../components/NoPermission.tsx';
import { Page } from '../../../components/Page.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { canAdminister } from '../../../lib/permissions.ts';
import { useLocale } from '../../../lib/useLocale.ts';

const KINDS: ImportKind[] = ['conversations', 'responses'];

function Count({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  const locale = useLocale();
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={value > 0 ? color : undefined}>
        {formatNumber(value, locale)}
      </Text>
    </Paper>
  );
}

function IssueTable({ title, issues, testId }: { title: string; issues: ImportIssue[]; testId: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Table.ScrollContainer minWidth={520} mah={320}>
        <Table striped verticalSpacing={6} data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('imports.line')}</Table.Th>
              <Table.Th w={180}>{t('imports.field')}</Table.Th>
              <Table.Th>{t('imports.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue) => (
              <Table.Tr key={`${issue.line}:${issue.field}`}>
                <Table.Td>{issue.line}</Table.Td>
                <Table.Td>
                  <Code>{issue.field}</Code>
                </Table.Td>
                <Table.Td>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Summary({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="import-summary">
      <Alert color="green" variant="light" icon={<IconCircleCheck />}>
        {t('imports.doneTitle', { seconds: summary.seconds })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Count label={t('imports.created')} value={summary.created} color="green" testId="import-created" />
        <Count label={t('imports.updated')} value={summary.updated} testId="import-updated" />
        <Count label={t('imports.unchanged')} value={summary.unchanged} testId="import-unchanged" />
        <Count label={t('imports.rejected')} value={summary.rejected} color="red" testId="import-rejected" />
      </SimpleGrid>
      <IssueTable title={t('imports.errorsTitle')} issues={summary.errors} testId="import-errors" />
      <IssueTable title={t('imports.warningsTitle')} issues={summary.warnings} testId="import-warnings" />
      {summary.truncated && (
        <Text size="xs" c="dimmed">
          {t('imports.truncated', { n: summary.errors.length })}
        </Text>
      )}
    </Stack>
  );
}

/** Settings → Import: a CSV file of conversations or survey responses, its progress and what came of each row. */
export function ImportSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSession();
  const [kind, setKind] = useState<ImportKind>('conversations');
  const [file, setFile] = useState<File | null>(null);
  const start = useStartImport();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);

  if (!canAdminister(me.role)) {
    return (
      <Page title={t('imports.title')} description={t('imports.description')} maxWidth={960}>
        <NoPermission />
      </Page>
    );
  }

  const current = job.data;
  const running = start.isPending || current?.status === 'running';
  const reset = () => {
    setJobId(null);
    setFile(null);
    start.reset();
  };

  return (
    <Page title={t('imports.title')} description={t('imports.description')} maxWidth={960}>
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Stack gap="md">
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('imports.kind')}
              </Text>
              <SegmentedControl
                value={kind}
                onChange={(value) => setKind(value as ImportKind)}
                disabled={running}
                data={KINDS.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
                data-testid="import-kind"
                w="fit-content"
              />
            </Stack>
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('imports.columnsTitle')}
              </Text>
              <Group gap={6}>
                {IMPORT_COLUMNS[kind].map((column) => (
                  <Badge
                    key={column}
                    variant={REQUIRED_IMPORT_COLUMNS[kind].includes(column) ? 'filled' : 'light'}
                    color={REQUIRED_IMPORT_COLUMNS[kind].includes(column) ? 'koe' : 'gray'}
                    tt="none"
                    radius="sm"
                    ff="monospace"
                  >
                    {column}
                  </Badge>
                ))}
              </Group>
              <Text size="xs" c="dimmed">
                {t('imports.columnsHint', { required: REQUIRED_IMPORT_COLUMNS[kind].join(', ') })}
              </Text>
            </Stack>
            <FileInput
              label={t('imports.file')}
              placeholder={t('imports.filePlaceholder')}
              accept=".csv,text/csv"
              value={file}
              onChange={setFile}
              disabled={running}
              leftSection={<IconFileTypeCsv size={16} />}
              clearable
              data-testid="import-file"
            />
            {start.isError && <ErrorState error={start.error} />}
            <Group justify="flex-end">
              {current && current.status !== 'running' && (
                <Button variant="default" onClick={reset} data-testid="import-again">
                  {t('imports.again')}
                </Button>
              )}
              <Button
                leftSection={<IconUpload size={16} />}
                disabled={!file || running || Boolean(current && current.status !== 'running')}
                loading={running}
                onClick={() => file && start.mutate({ kind, file }, { onSuccess: (started) => setJobId(started.id) })}
                data-testid="import-start"
              >
                {t('imports.start')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {current?.status === 'running' && (
          <Paper withBorder radius="md" p="md" data-testid="import-progress">
            <Stack gap="xs">
              <Text size="sm">
                {t('imports.running', {
                  done: formatNumber(current.done, locale),
                  total: formatNumber(current.total, locale),
                })}
              </Text>
              <Progress value={current.total > 0 ? (100 * current.done) / current.total : 0} animated />
            </Stack>
          </Paper>
        )}
        {current?.status === 'failed' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('imports.failed')}>
            <Stack gap={4}>
              <Text size="sm">{current.error}</Text>
              <Text size="sm">{t('imports.failedHint')}</Text>
            </Stack>
          </Alert>
        )}
        {current?.summary && <Summary summary={current.summary} />}
      </Stack>
    </Page>
  );
}
