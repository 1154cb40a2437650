import { Badge, Button, Group, Paper, Skeleton, Table, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../../shared/contracts/segments.ts';
import { useDeleteSegment, useSegmentContacts, useSegments } from '../../../api/segments.ts';
import { useSession } from '../../../api/session.ts';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteDialog.tsx';
import { EditDeleteActions } from '../../../components/EditDeleteActions.tsx';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { Page } from '../../../components/Page.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { canManage } from '../../../lib/permissions.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { SegmentDialog } from './SegmentDialog.tsx';
import { CONDITION_FIELDS } from './segmentFilter.ts';

/** "言語: ja · ステージ: 顧客" — the conditions in words. */
function describeFilter(segment: Segment, t: TFunction): string[] {
  const f = segment.filter;
  return CONDITION_FIELDS.flatMap((field) => {
    const name = t(`segments.fields.${field}`);
    switch (field) {
      case 'locales':
        return f.locales ? [`${name}: ${f.locales.join(', ')}`] : [];
      case 'lifecycleStages':
        return f.lifecycleStages
          ? [`${name}: ${f.lifecycleStages.map((s) => t(`customers.stages.${s}`)).join(', ')}`]
          : [];
      case 'plans':
        return f.plans ? [`${name}: ${f.plans.join(', ')}`] : [];
      case 'companyIds':
        return f.companyIds ? [t('segments.companiesCount', { count: f.companyIds.length })] : [];
      case 'hasEmail':
        return f.hasEmail === undefined ? [] : [f.hasEmail ? t('segments.hasEmailYes') : t('segments.hasEmailNo')];
      case 'createdAfter':
      case 'createdBefore':
        return f[field] ? [`${name}: ${f[field]?.slice(0, 10)}`] : [];
      default:
        return f.attributes ? Object.entries(f.attributes).map(([k, v]) => `${k} = ${String(v)}`) : [];
    }
  });
}

function ContactCount({ segmentId }: { segmentId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contacts = useSegmentContacts(segmentId, 1);
  if (contacts.isPending) return <Skeleton height={12} width={50} />;
  if (!contacts.data) return <Text size="sm">—</Text>;
  return (
    <Text size="sm" fw={500}>
      {t('segments.contactCount', { count: contacts.data.total, formatted: formatNumber(contacts.data.total, locale) })}
    </Text>
  );
}

export function SegmentsSettings() {
  const { t } = useTranslation();
  const me = useSession();
  const editable = canManage(me.role);
  const segments = useSegments();
  const remove = useDeleteSegment();
  const [editing, setEditing] = useState<Segment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Segment | null>(null);

  const createButton = editable && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="segment-create">
      {t('segments.create')}
    </Button>
  );

  let body: React.ReactNode;
  if (segments.isPending) body = <ListSkeleton rows={3} height={40} />;
  else if (segments.isError) body = <ErrorState error={segments.error} onRetry={() => void segments.refetch()} />;
  else if (segments.data.length === 0)
    body = (
      <Empty
        icon={<IconUsersGroup />}
        title={t('segments.empty')}
        description={t('segments.emptyHint')}
        action={createButton}
      />
    );
  else
    body = (
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('segments.name')}</Table.Th>
              <Table.Th>{t('segments.conditions')}</Table.Th>
              <Table.Th>{t('segments.contacts')}</Table.Th>
              <Table.Th>{t('segments.updated')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {segments.data.map((segment) => {
              const conditions = describeFilter(segment, t);
              return (
                <Table.Tr key={segment.id} data-testid="segment-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {segment.name}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={380}>
                    <Group gap={4}>
                      {conditions.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('segments.everyone')}
                        </Text>
                      ) : (
                        conditions.map((text) => (
                          <Badge key={text} variant="default" radius="sm" fw={500} tt="none">
                            {text}
                          </Badge>
                        ))
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ContactCount segmentId={segment.id} />
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime iso={segment.updatedAt} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    {editable && (
                      <EditDeleteActions
                        name={segment.name}
                        justify="flex-end"
                        onEdit={() => setEditing(segment)}
                        onDelete={() => setDeleting(segment)}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
    );

  return (
    <Page
      title={t('settings.segments')}
      description={t('segments.description')}
      actions={segments.data && segments.data.length > 0 ? createButton : null}
    >
      {body}
      {editing && <SegmentDialog segment={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDeleteDialog
        item={deleting}
        remove={remove}
        message={(name) => t('segments.deleteConfirm', { name })}
        deletedMessage={t('segments.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Page>
  );
}
