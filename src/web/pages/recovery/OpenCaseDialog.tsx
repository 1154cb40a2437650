import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Conversation } from '../../../shared/contracts/conversations.ts';
import { useOpenCase } from '../../api/recovery.ts';
import { useMembers } from '../../api/workspace.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';

/** Opens a recovery case by hand from a conversation of any channel (a review too). */
export function OpenCaseDialog({ conversation, onClose }: { conversation: Conversation; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const members = useMembers();
  const open = useOpenCase();
  const [reason, setReason] = useState('');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    open.mutate(
      { conversationId: conversation.id, reason: reason.trim(), ...(ownerId ? { ownerId } : {}) },
      {
        onSuccess: (opened) => {
          const joined = opened.events.some((e) => e.type === 'joined' && e.data.reason === reason.trim());
          notifySuccess(t(joined ? 'recovery.open.joined' : 'recovery.open.opened', { number: opened.number }));
          onClose();
          navigate(`/recovery/cases/${opened.id}`);
        },
      },
    );
  };

  const serverField = fieldError(open.error, 'reason') ?? fieldError(open.error, 'ownerId');
  return (
    <Modal opened onClose={onClose} title={t('recovery.open.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('recovery.open.hint')}
          </Text>
          {open.error && !serverField ? <ErrorState error={open.error} /> : null}
          <Textarea
            label={t('recovery.open.reason')}
            placeholder={t('recovery.open.reasonPlaceholder')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('common.required') : fieldError(open.error, 'reason')}
            data-testid="open-case-reason"
          />
          <Select
            label={t('recovery.open.owner')}
            placeholder={t('recovery.open.ownerDefault')}
            data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={ownerId}
            onChange={setOwnerId}
            clearable
            searchable
            error={fieldError(open.error, 'ownerId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={open.isPending} data-testid="open-case-submit">
              {t('recovery.open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
