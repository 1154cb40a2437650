import { Badge, Button, Group, Kbd, Paper, Table, Text } from '@mantine/core';
import { IconPlus, IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyScript } from '../../../shared/contracts/conversations.ts';
import { pickLanguage } from '../../../shared/scripts.ts';
import { useDeleteReplyScript, useReplyScripts } from '../../api/scripts.ts';
import { useSession } from '../../api/session.ts';
import { ConfirmDeleteDialog } from '../../components/ConfirmDeleteDialog.tsx';
import { EditDeleteActions } from '../../components/EditDeleteActions.tsx';
import { Empty } from '../../components/Empty.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { Page } from '../../components/Page.tsx';
import { canManage } from '../../lib/permissions.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { ReplyScriptDialog } from './ReplyScriptDialog.tsx';

export function ReplyScriptsSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSession();
  const scripts = useReplyScripts();
  const remove = useDeleteReplyScript();
  const [editing, setEditing] = useState<ReplyScript | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ReplyScript | null>(null);
  const editable = canManage(me.role);

  const createButton = editable && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('scripts.create')}
    </Button>
  );

  let body: React.ReactNode;
  if (scripts.isPending) body = <ListSkeleton rows={4} height={40} />;
  else if (scripts.isError) body = <ErrorState error={scripts.error} onRetry={() => void scripts.refetch()} />;
  else if (scripts.data.length === 0)
    body = (
      <Empty
        icon={<IconTemplate />}
        title={t('scripts.empty')}
        description={t('scripts.emptyHint')}
        action={createButton}
      />
    );
  else
    body = (
      <Paper withBorder radius="md">
        <Table verticalSpacing="sm" horizontalSpacing="md" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('scripts.name')}</Table.Th>
              <Table.Th w="16%">{t('scripts.shortcut')}</Table.Th>
              <Table.Th w="14%">{t('scripts.languages')}</Table.Th>
              <Table.Th>{t('scripts.preview')}</Table.Th>
              <Table.Th w={88} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scripts.data.map((script) => (
              <Table.Tr key={script.id} data-testid="script-row">
                <Table.Td>
                  <Text size="sm" fw={500} truncate>
                    {script.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Kbd size="xs">/{script.shortcut}</Kbd>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {Object.keys(script.bodies).map((lang) => (
                      <Badge key={lang} size="xs" variant="light" tt="none">
                        {lang}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" truncate>
                    {pickLanguage(script.bodies, locale)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {editable && (
                    <EditDeleteActions
                      name={script.name}
                      justify="flex-end"
                      onEdit={() => setEditing(script)}
                      onDelete={() => setDeleting(script)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    );

  return (
    <Page
      title={t('settings.replyScripts')}
      description={t('scripts.description')}
      actions={scripts.data && scripts.data.length > 0 ? createButton : null}
    >
      {body}
      {editing && <ReplyScriptDialog script={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDeleteDialog
        item={deleting}
        remove={remove}
        message={(name) => t('scripts.deleteConfirm', { name })}
        deletedMessage={t('scripts.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Page>
  );
}
