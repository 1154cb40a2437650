import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryCaseDetail } from '../../../shared/contracts/recovery.ts';
import { useSendFollowUp } from '../../api/recovery.ts';
import { useSurveys } from '../../api/surveys.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';

/** Re-survey the customer by email or a personal link; the answer records the outcome. */
export function FollowUpDialog({ item, onClose }: { item: RecoveryCaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const surveys = useSurveys();
  const send = useSendFollowUp(item.id);
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<'email' | 'link'>(item.contact?.email ? 'email' : 'link');
  const [link, setLink] = useState<string | null>(null);
  const options = (surveys.data ?? [])
    .filter((survey) => survey.kind !== 'rating' && survey.status !== 'archived')
    .map((survey) => ({ value: survey.id, label: survey.name }));

  const submit = () =>
    send.mutate(
      { ...(surveyId ? { surveyId } : {}), delivery },
      {
        onSuccess: (result) => {
          notifySuccess(t('recovery.case.followUpSent'));
          if (result.invitation.url) setLink(result.invitation.url);
          else onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('recovery.case.followUpTitle')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('recovery.case.followUpHint')}
        </Text>
        {link ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('recovery.case.followUpLink')}
            </Text>
            <CopyField value={link} testId="follow-up-link" />
            <Group justify="flex-end">
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <>
            {send.error && !fieldError(send.error, 'surveyId') ? <ErrorState error={send.error} /> : null}
            <Select
              label={t('recovery.case.followUpSurvey')}
              placeholder={t('recovery.case.followUpSurveyDefault')}
              data={options}
              value={surveyId}
              onChange={setSurveyId}
              clearable
              error={fieldError(send.error, 'surveyId')}
              data-testid="follow-up-survey"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('recovery.case.followUpDelivery')}
              </Text>
              <SegmentedControl
                value={delivery}
                onChange={(value) => setDelivery(value as 'email' | 'link')}
                data={[
                  { value: 'email', label: t('recovery.case.deliveryEmail'), disabled: !item.contact?.email },
                  { value: 'link', label: t('recovery.case.deliveryLink') },
                ]}
              />
            </Stack>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button onClick={submit} loading={send.isPending} data-testid="follow-up-send">
                {t('recovery.case.followUpSend')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
