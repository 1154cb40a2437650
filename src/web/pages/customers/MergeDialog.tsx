import { Alert, Button, Group, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contracts/customers.ts';
import { useContactList, useMergeContact } from '../../api/customers.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListSkeleton } from '../../components/ListSkeleton.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { describeError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';

interface MergeDialogProps {
  target: Contact;
  opened: boolean;
  onClose: () => void;
}

const label = (contact: Contact, fallback: string) => contact.name || contact.emails[0] || fallback;

/** Pick a duplicate, then confirm: the duplicate disappears into `target`. */
export function MergeDialog({ target, opened, onClose }: MergeDialogProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [source, setSource] = useState<Contact | null>(null);
  const results = useContactList({ q }, opened && q.trim().length > 0);
  const merge = useMergeContact(target.id);
  const candidates = (results.data?.pages.flatMap((page) => page.data) ?? []).filter((c) => c.id !== target.id);

  const close = () => {
    setQ('');
    setSource(null);
    merge.reset();
    onClose();
  };

  const confirm = () => {
    if (!source) return;
    merge.mutate(source.id, {
      onSuccess: () => {
        notifySuccess(t('customers.merged'));
        close();
      },
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={source ? t('customers.mergeConfirmTitle') : t('customers.mergeTitle')}
      size="lg"
    >
      {source ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
            {t('customers.mergeConfirm', {
              source: label(source, t('customers.noName')),
              target: label(target, t('customers.noName')),
            })}
          </Alert>
          {merge.error ? <ErrorState error={merge.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSource(null)}>
              {t('common.back')}
            </Button>
            <Button color="red" loading={merge.isPending} onClick={confirm} data-testid="merge-confirm">
              {t('customers.mergeAction')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('customers.mergeSearchHint')}
          </Text>
          <SearchInput
            label={t('customers.mergeSearch')}
            placeholder={t('customers.searchContacts')}
            onSearch={setQ}
            autoFocus
          />
          {results.isFetching && candidates.length === 0 && <ListSkeleton rows={3} height={36} />}
          {results.isError && <Text c="red">{describeError(results.error, t)}</Text>}
          {q.trim() && results.isSuccess && candidates.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('common.noResults')}
            </Text>
          )}
          <Stack gap={4}>
            {candidates.map((contact) => (
              <UnstyledButton
                key={contact.id}
                onClick={() => setSource(contact)}
                p="sm"
                data-testid="merge-candidate"
                style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
              >
                <Text size="sm" fw={500}>
                  {label(contact, t('customers.noName'))}
                </Text>
                <Text size="xs" c="dimmed">
                  {[contact.emails.join(', '), contact.company?.name].filter(Boolean).join(' · ') || '—'}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Stack>
      )}
    </Modal>
  );
}
