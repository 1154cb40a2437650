import '@mantine/dates/styles.css';
import { ActionIcon, Button, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconCalendar, IconPin, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddAnnotation, useAnnotations, useDeleteAnnotation } from '../../../api/metrics.ts';
import { useSession } from '../../../api/session.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { describeError, fieldError } from '../../../lib/errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { canManage } from '../../../lib/permissions.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { TitledCard } from '../TitledCard.tsx';

function AddAnnotation({ defaultDay }: { defaultDay: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddAnnotation();
  const [day, setDay] = useState<string | null>(defaultDay);
  const [label, setLabel] = useState('');
  const submit = () => {
    if (!day || !label.trim()) return;
    add.mutate(
      { day, label: label.trim() },
      {
        onSuccess: () => {
          setLabel('');
          notifySuccess(t('insights.annotations.added'));
        },
        onError: (error) => notifyError(t('insights.annotations.addFailed'), describeError(error, t)),
      },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Group gap="xs" align="flex-start" wrap="wrap">
        <DatesProvider settings={{ locale, firstDayOfWeek: 0 }}>
          <DatePickerInput
            aria-label={t('insights.annotations.day')}
            placeholder={t('insights.annotations.day')}
            leftSection={<IconCalendar size={16} />}
            valueFormat={locale === 'ja' ? 'YYYY年M月D日' : 'MMM D, YYYY'}
            value={day}
            onChange={(value) => setDay(value ? String(value) : null)}
            error={fieldError(add.error, 'day')}
            w={170}
          />
        </DatesProvider>
        <TextInput
          aria-label={t('insights.annotations.label')}
          placeholder={t('insights.annotations.placeholder')}
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
          maxLength={200}
          error={fieldError(add.error, 'label')}
          style={{ flex: 1, minWidth: 200 }}
          data-testid="annotation-label"
        />
        <Button
          type="submit"
          leftSection={<IconPlus size={16} />}
          loading={add.isPending}
          disabled={!day || !label.trim()}
          data-testid="annotation-add"
        >
          {t('insights.annotations.add')}
        </Button>
      </Group>
    </form>
  );
}

/** Dated notes ("料金改定", "新機能リリース") shown as markers on every trend. */
export function AnnotationsCard({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useSession();
  const annotations = useAnnotations(from, to);
  const remove = useDeleteAnnotation();
  const editable = canManage(me.role);
  const sorted = [...(annotations.data ?? [])].sort((a, b) => b.day.localeCompare(a.day));

  return (
    <TitledCard title={t('insights.annotations.title')} hint={t('insights.annotations.hint')} testId="annotations">
      <Stack gap="sm">
        {editable && <AddAnnotation defaultDay={to} />}
        {annotations.isPending ? (
          <ListSkeleton rows={2} height={32} />
        ) : annotations.isError ? (
          <ErrorState error={annotations.error} onRetry={() => void annotations.refetch()} />
        ) : sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('insights.annotations.empty')}
          </Text>
        ) : (
          <Stack gap={4}>
            {sorted.map((note) => (
              <Group key={note.id} justify="space-between" wrap="nowrap" data-testid="annotation">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <IconPin size={15} color="var(--mantine-color-orange-6)" aria-hidden />
                  <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                    {formatDate(`${note.day}T00:00:00`, locale)}
                  </Text>
                  <Text size="sm" truncate>
                    {note.label}
                  </Text>
                </Group>
                {editable && (
                  <Tooltip label={t('common.delete')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`${t('common.delete')}: ${note.label}`}
                      loading={remove.isPending && remove.variables === note.id}
                      onClick={() =>
                        remove.mutate(note.id, {
                          onError: (error) =>
                            notifyError(t('insights.annotations.deleteFailed'), describeError(error, t)),
                        })
                      }
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </TitledCard>
  );
}
