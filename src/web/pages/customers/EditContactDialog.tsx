import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contracts/customers.ts';
import { useUpdateContact } from '../../api/customers.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { TIME_ZONES } from '../../lib/timeZones.ts';

/** Name, language and time zone; identities change through merges and imports. */
export function EditContactDialog({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateContact(contact.id);
  const [name, setName] = useState(contact.name);
  const [locale, setLocale] = useState<string | null>(contact.locale);
  const [timeZone, setTimeZone] = useState<string | null>(contact.timeZone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name: name.trim(), locale, timeZone },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          onClose();
        },
      },
    );
  };

  const fieldErrors = ['name', 'locale', 'timeZone'].some((f) => fieldError(update.error, f));

  return (
    <Modal opened onClose={onClose} title={t('customers.edit')}>
      <form onSubmit={submit}>
        <Stack gap="md">
          {update.error && !fieldErrors ? <ErrorState error={update.error} /> : null}
          <TextInput
            label={t('customers.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(update.error, 'name')}
          />
          <Select
            label={t('customers.locale')}
            data={[
              { value: 'ja', label: t('language.ja') },
              { value: 'en', label: t('language.en') },
            ]}
            value={locale}
            onChange={setLocale}
            clearable
            error={fieldError(update.error, 'locale')}
          />
          <Select
            label={t('customers.timeZone')}
            data={TIME_ZONES}
            value={timeZone}
            onChange={setTimeZone}
            searchable
            clearable
            error={fieldError(update.error, 'timeZone')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
