import { Button, Group, Modal, Radio, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMail, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendSurveyResult } from '../../../../shared/contracts/distribution.ts';
import type { Survey } from '../../../../shared/contracts/surveys.ts';
import { useContactList } from '../../../api/customers.ts';
import { useSegmentContacts, useSegments } from '../../../api/segments.ts';
import { type SendSurveyRequest, useSendSurvey } from '../../../api/surveys.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { fieldError } from '../../../lib/errors.ts';
import { formatNumber, languageName } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { SendResult } from './SendResult.tsx';

type Target = 'contact' | 'segment';

function SegmentSize({ segmentId }: { segmentId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contacts = useSegmentContacts(segmentId, 1);
  if (!contacts.data) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="segment-size">
      {t('send.segmentSize', { count: contacts.data.total, formatted: formatNumber(contacts.data.total, locale) })}
    </Text>
  );
}

/** Send to one contact or a segment, by email or as personal links; then say who was skipped and why. */
export function SendSurveyDialog({ survey, onClose }: { survey: Survey; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const send = useSendSurvey(survey.id);
  const [target, setTarget] = useState<Target>('contact');
  const [contactId, setContactId] = useState<string | null>(null);
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<SendSurveyRequest['delivery']>('email');
  const [language, setLanguage] = useState<string>('auto');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const contacts = useContactList({ q }, target === 'contact');
  const segments = useSegments();
  const [result, setResult] = useState<SendSurveyResult | null>(null);

  const contactOptions = (contacts.data?.pages[0]?.data ?? []).map((contact) => ({
    value: contact.id,
    label: contact.emails[0] ? `${contact.name || contact.emails[0]} <${contact.emails[0]}>` : contact.name,
  }));
  const chosen = target === 'contact' ? contactId : segmentId;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const input: SendSurveyRequest = {
      delivery,
      ...(target === 'contact' ? { contactId: chosen } : { segmentId: chosen }),
      ...(language === 'auto' ? {} : { language }),
    };
    send.mutate(input, { onSuccess: setResult });
  };

  return (
    <Modal opened onClose={onClose} title={t('send.dialogTitle', { name: survey.name })} size="lg">
      {result ? (
        <SendResult result={result} delivery={delivery} onClose={onClose} onAgain={() => setResult(null)} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <SegmentedControl
              fullWidth
              value={target}
              onChange={(value) => setTarget(value as Target)}
              data={[
                {
                  value: 'contact',
                  label: (
                    <Group gap={6} justify="center" wrap="nowrap">
                      <IconUser size={14} />
                      {t('send.toContact')}
                    </Group>
                  ),
                },
                {
                  value: 'segment',
                  label: (
                    <Group gap={6} justify="center" wrap="nowrap">
                      <IconUsersGroup size={14} />
                      {t('send.toSegment')}
                    </Group>
                  ),
                },
              ]}
            />
            {target === 'contact' ? (
              <Select
                label={t('send.contact')}
                placeholder={t('send.contactPlaceholder')}
                data={contactOptions}
                value={contactId}
                onChange={setContactId}
                searchable
                searchValue={search}
                onSearchChange={setSearch}
                filter={({ options }) => options}
                nothingFoundMessage={contacts.isFetching ? t('app.loading') : t('common.noResults')}
                error={fieldError(send.error, 'contactId')}
                data-testid="send-contact"
              />
            ) : (
              <Stack gap={4}>
                <Select
                  label={t('send.segment')}
                  placeholder={t('send.segmentPlaceholder')}
                  data={(segments.data ?? []).map((segment) => ({ value: segment.id, label: segment.name }))}
                  value={segmentId}
                  onChange={setSegmentId}
                  searchable
                  nothingFoundMessage={t('send.noSegments')}
                  error={fieldError(send.error, 'segmentId')}
                  data-testid="send-segment"
                />
                {segmentId && <SegmentSize segmentId={segmentId} />}
              </Stack>
            )}
            <Radio.Group
              label={t('send.delivery')}
              value={delivery}
              onChange={(value) => setDelivery(value === 'link' ? 'link' : 'email')}
            >
              <Stack gap="xs" mt={6}>
                <Radio value="email" label={t('send.byEmail')} description={t('send.byEmailHint')} />
                <Radio
                  value="link"
                  label={t('send.byLink')}
                  description={t('send.byLinkHint')}
                  data-testid="send-by-link"
                />
              </Stack>
            </Radio.Group>
            <Select
              label={t('send.language')}
              data={[
                { value: 'auto', label: t('send.languageAuto') },
                { value: 'ja', label: languageName('ja', locale) ?? 'ja' },
                { value: 'en', label: languageName('en', locale) ?? 'en' },
              ]}
              value={language}
              onChange={(value) => setLanguage(value ?? 'auto')}
              allowDeselect={false}
              w={260}
            />
            {send.error && !fieldError(send.error, 'contactId') && !fieldError(send.error, 'segmentId') ? (
              <ErrorState error={send.error} />
            ) : null}
            <Text size="xs" c="dimmed">
              {t('send.throttlingNote')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                leftSection={<IconMail size={16} />}
                disabled={!chosen}
                loading={send.isPending}
                data-testid="send-submit"
              >
                {delivery === 'email' ? t('send.sendEmail') : t('send.createLinks')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
