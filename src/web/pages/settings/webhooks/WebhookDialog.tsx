import { Button, Group, Modal, MultiSelect, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainEventType } from '../../../../shared/contracts/events.ts';
import type { Webhook } from '../../../../shared/contracts/webhooks.ts';
import { useSaveWebhook } from '../../../api/webhooks.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { fieldError } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { eventTypeGroups } from './eventTypes.ts';

/** Add an endpoint, or change its URL, description, events and whether it is enabled. */
export function WebhookDialog({
  webhook,
  onClose,
  onCreated,
}: {
  webhook: Webhook | null;
  onClose: () => void;
  /** The new endpoint's secret, to show once. */
  onCreated: (secret: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveWebhook();
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [eventTypes, setEventTypes] = useState<DomainEventType[]>(webhook?.eventTypes ?? []);
  const [enabled, setEnabled] = useState(webhook?.enabled ?? true);
  const [submitted, setSubmitted] = useState(false);

  const urlError = submitted && !url.trim() ? t('common.required') : fieldError(save.error, 'url');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!url.trim()) return;
    save.mutate(
      { id: webhook?.id, url: url.trim(), description: description.trim(), eventTypes, enabled },
      {
        onSuccess: (saved) => {
          notifySuccess(webhook ? t('common.saved') : t('webhooks.created'));
          if ('secret' in saved) onCreated(saved.secret);
          onClose();
        },
      },
    );
  };

  const knownFieldError = ['url', 'description', 'eventTypes'].some((field) => fieldError(save.error, field));

  return (
    <Modal opened onClose={onClose} size="lg" title={webhook ? t('webhooks.editTitle') : t('webhooks.create')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.error && !knownFieldError ? <ErrorState error={save.error} /> : null}
          <TextInput
            label={t('webhooks.url')}
            description={t('webhooks.urlHint')}
            placeholder={t('webhooks.urlPlaceholder')}
            data-testid="webhook-url"
            required
            data-autofocus
            type="url"
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            error={urlError}
          />
          <TextInput
            label={t('webhooks.descriptionLabel')}
            placeholder={t('webhooks.descriptionPlaceholder')}
            data-testid="webhook-description"
            maxLength={500}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={fieldError(save.error, 'description')}
          />
          <MultiSelect
            label={t('webhooks.eventsLabel')}
            description={t('webhooks.eventsHint')}
            placeholder={eventTypes.length === 0 ? t('webhooks.eventsPlaceholder') : undefined}
            data-testid="webhook-events"
            data={eventTypeGroups(t)}
            value={eventTypes}
            onChange={(value) => setEventTypes(value as DomainEventType[])}
            searchable
            clearable
            maxDropdownHeight={320}
            comboboxProps={{ withinPortal: true }}
            error={fieldError(save.error, 'eventTypes')}
          />
          <Switch
            label={t('webhooks.enabled')}
            description={t('webhooks.enabledHint')}
            data-testid="webhook-enabled"
            checked={enabled}
            onChange={(event) => setEnabled(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="webhook-save">
              {webhook ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
