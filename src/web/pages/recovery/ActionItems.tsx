import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import '@mantine/dates/styles.css';
import 'dayjs/locale/ja';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCaseDetail } from '../../../shared/contracts/recovery.ts';
import { useAddActionItem, useDeleteActionItem, useUpdateActionItem } from '../../api/recovery.ts';
import { useMembers } from '../../api/workspace.ts';
import { describeError, fieldError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { useLocale } from '../../lib/useLocale.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** What was agreed with the customer: each item with an owner and a due date, ticked off when done. */
export function ActionItems({ item, canWrite }: { item: RecoveryCaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const members = useMembers();
  const add = useAddActionItem(item.id);
  const update = useUpdateActionItem(item.id);
  const remove = useDeleteActionItem(item.id);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState<string | null>(null);
  const onError = (error: unknown) => notifyError(t('errors.title'), describeError(error, t));
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.id, label: m.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    add.mutate(
      { title: title.trim(), ownerId, dueOn },
      {
        onSuccess: () => {
          setTitle('');
          setOwnerId(null);
          setDueOn(null);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="case-action-items">
      <Title order={2} size="h5" mb={4}>
        {t('recovery.case.actionItems')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('recovery.case.actionItemsHint')}
      </Text>
      <Stack gap="xs">
        {item.actionItems.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('recovery.case.noItems')}
          </Text>
        )}
        {item.actionItems.map((action) => {
          const late = !action.doneAt && action.dueOn !== null && action.dueOn < today();
          return (
            <Group key={action.id} justify="space-between" wrap="nowrap" gap="sm" data-testid="action-item">
              <Checkbox
                label={action.title}
                checked={action.doneAt !== null}
                disabled={!canWrite}
                aria-label={t('recovery.case.itemDone', { title: action.title })}
                onChange={(event) => update.mutate({ id: action.id, done: event.currentTarget.checked }, { onError })}
                styles={{ label: { textDecoration: action.doneAt ? 'line-through' : undefined } }}
              />
              <Group gap="xs" wrap="nowrap">
                {action.ownerName && (
                  <Text size="xs" c="dimmed">
                    {action.ownerName}
                  </Text>
                )}
                {action.dueOn && (
                  <Badge size="sm" variant="light" color={late ? 'red' : 'gray'} tt="none">
                    {late ? `${t('recovery.case.itemOverdue')} · ` : ''}
                    {formatDate(`${action.dueOn}T00:00:00`, locale)}
                  </Badge>
                )}
                {canWrite && (
                  <Tooltip label={t('recovery.case.removeItem', { title: action.title })}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('recovery.case.removeItem', { title: action.title })}
                      onClick={() => remove.mutate(action.id, { onError })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          );
        })}
      </Stack>
      {canWrite && (
        <form onSubmit={submit} noValidate>
          <Group gap="xs" mt="md" align="flex-end" wrap="wrap">
            <TextInput
              label={t('recovery.case.itemTitle')}
              placeholder={t('recovery.case.itemTitlePlaceholder')}
              value={title}
              onChange={(event) => setTitle(event.currentTarget.value)}
              error={fieldError(add.error, 'title')}
              style={{ flex: 1, minWidth: 200 }}
              maxLength={500}
              data-testid="action-item-title"
            />
            <Select
              label={t('recovery.case.itemOwner')}
              data={memberOptions}
              value={ownerId}
              onChange={setOwnerId}
              clearable
              searchable
              w={170}
            />
            <DatesProvider settings={{ locale, firstDayOfWeek: 0 }}>
              <DatePickerInput
                label={t('recovery.case.itemDue')}
                value={dueOn}
                onChange={(value) => setDueOn(value ? String(value).slice(0, 10) : null)}
                valueFormat={locale === 'ja' ? 'YYYY年M月D日' : 'MMM D, YYYY'}
                clearable
                w={160}
                error={fieldError(add.error, 'dueOn')}
              />
            </DatesProvider>
            <Button
              type="submit"
              leftSection={<IconPlus size={16} />}
              loading={add.isPending}
              disabled={!title.trim()}
              data-testid="action-item-add"
            >
              {t('recovery.case.addItem')}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
