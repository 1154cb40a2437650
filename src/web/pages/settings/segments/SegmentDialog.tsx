import { ActionIcon, Alert, Button, Group, Menu, Modal, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterPlus, IconUsers, IconX } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../../shared/contracts/segments.ts';
import { useSaveSegment, useSegmentPreview } from '../../../api/segments.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { describeError, fieldError } from '../../../lib/errors.ts';
import { formatNumber } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { ConditionInput } from './ConditionInput.tsx';
import { CONDITION_FIELDS, draftOfFilter, emptyDraft, type FilterDraft, filterOfDraft } from './segmentFilter.ts';

/** How many contacts the filter selects now, and a few of them. */
function Preview({ draft }: { draft: FilterDraft }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const filter = useMemo(() => filterOfDraft(draft), [draft]);
  const [debounced] = useDebouncedValue(filter, 300);
  const preview = useSegmentPreview(debounced);
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" data-testid="segment-preview">
      <Group gap="xs" mb={4}>
        <IconUsers size={16} />
        <Text size="sm" fw={600}>
          {preview.data
            ? t('segments.previewCount', {
                count: preview.data.total,
                formatted: formatNumber(preview.data.total, locale),
              })
            : preview.isError
              ? describeError(preview.error, t)
              : t('app.loading')}
        </Text>
      </Group>
      {preview.data && preview.data.data.length > 0 && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {preview.data.data.map((contact) => contact.name || contact.emails[0] || t('customers.noName')).join('、')}
          {preview.data.total > preview.data.data.length ? ' …' : ''}
        </Text>
      )}
    </Paper>
  );
}

/** Create or edit a segment: conditions added one by one, with a live count of who it selects. */
export function SegmentDialog({ segment, onClose }: { segment: Segment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveSegment();
  const [name, setName] = useState(segment?.name ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const [draft, setDraft] = useState<FilterDraft>(() => (segment ? draftOfFilter(segment.filter) : emptyDraft()));
  const change = (part: Partial<FilterDraft>) => setDraft((current) => ({ ...current, ...part }));
  const unused = CONDITION_FIELDS.filter((field) => !draft.fields.includes(field));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('common.required'));
      return;
    }
    save.mutate(
      { ...(segment ? { id: segment.id } : {}), name: name.trim(), filter: filterOfDraft(draft) },
      {
        onSuccess: () => {
          notifySuccess(segment ? t('common.saved') : t('segments.created'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={segment ? t('segments.editTitle') : t('segments.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('segments.name')}
            placeholder={t('segments.namePlaceholder')}
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError ?? fieldError(save.error, 'name')}
            data-testid="segment-name"
          />
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('segments.conditions')}
            </Text>
            {draft.fields.length === 0 ? (
              <Alert variant="light" color="gray">
                {t('segments.noConditions')}
              </Alert>
            ) : (
              draft.fields.map((field, index) => (
                <Group key={field} gap="xs" wrap="nowrap" align="flex-start" data-testid="segment-condition">
                  <Text size="sm" w={150} pt={6} c="dimmed">
                    {index > 0 ? `${t('segments.and')} ` : ''}
                    {t(`segments.fields.${field}`)}
                  </Text>
                  <ConditionInput field={field} draft={draft} onChange={change} />
                  <Tooltip label={t('segments.removeCondition')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      mt={4}
                      aria-label={`${t('segments.removeCondition')}: ${t(`segments.fields.${field}`)}`}
                      onClick={() => change({ fields: draft.fields.filter((f) => f !== field) })}
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ))
            )}
            {unused.length > 0 && (
              <Group>
                <Menu position="bottom-start">
                  <Menu.Target>
                    <Button
                      variant="light"
                      size="xs"
                      leftSection={<IconFilterPlus size={14} />}
                      data-testid="segment-add-condition"
                    >
                      {t('segments.addCondition')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {unused.map((field) => (
                      <Menu.Item key={field} onClick={() => change({ fields: [...draft.fields, field] })}>
                        {t(`segments.fields.${field}`)}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              </Group>
            )}
            {fieldError(save.error, 'filter') && (
              <Text size="sm" c="red">
                {fieldError(save.error, 'filter')}
              </Text>
            )}
          </Stack>
          <Preview draft={draft} />
          {save.error && !fieldError(save.error, 'name') && !fieldError(save.error, 'filter') ? (
            <ErrorState error={save.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="segment-save">
              {segment ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
