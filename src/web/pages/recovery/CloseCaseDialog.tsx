import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RECOVERY_OUTCOMES, type RecoveryOutcome } from '../../../shared/contracts/recovery.ts';
import { useCloseCase } from '../../api/recovery.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { notifySuccess } from '../../lib/notify.ts';

interface CloseCaseDialogProps {
  caseId: string;
  number: number;
  onClose: () => void;
}

/** Closing needs an outcome: recovered, not recovered or unreachable, with an optional note. */
export function CloseCaseDialog({ caseId, number, onClose }: CloseCaseDialogProps) {
  const { t } = useTranslation();
  const close = useCloseCase(caseId);
  const [outcome, setOutcome] = useState<RecoveryOutcome | null>(null);
  const [note, setNote] = useState('');

  const submit = () => {
    if (!outcome) return;
    close.mutate(
      { outcome, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('recovery.case.closed'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('recovery.case.closeTitle', { number })}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('recovery.case.closeHint')}
        </Text>
        {close.error ? <ErrorState error={close.error} /> : null}
        <Radio.Group
          value={outcome}
          onChange={(value) => setOutcome(value as RecoveryOutcome)}
          label={t('recovery.case.outcome')}
          required
        >
          <Stack gap="xs" mt="xs">
            {RECOVERY_OUTCOMES.map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`recovery.outcome.${value}`)}
                data-testid={`close-outcome-${value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('recovery.case.closeNote')}
          placeholder={t('recovery.case.closeNotePlaceholder')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} disabled={!outcome} loading={close.isPending} data-testid="close-confirm">
            {t('recovery.case.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
