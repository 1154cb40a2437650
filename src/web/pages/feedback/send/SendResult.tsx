import { Alert, Anchor, Button, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SendSurveyResult } from '../../../../shared/contracts/distribution.ts';
import type { Invitation } from '../../../../shared/contracts/surveys.ts';
import { useContact } from '../../../api/customers.ts';
import { CopyField } from '../../../components/CopyField.tsx';

function ContactName({ contactId }: { contactId: string | null }) {
  const { t } = useTranslation();
  const contact = useContact(contactId ?? undefined);
  if (!contactId) return <Text size="sm">—</Text>;
  const name = contact.data ? contact.data.name || contact.data.emails[0] || t('customers.noName') : '…';
  return (
    <Anchor component={Link} to={`/customers/contacts/${contactId}`} size="sm" target="_blank">
      {name}
    </Anchor>
  );
}

function LinkRow({ invitation }: { invitation: Invitation }) {
  return (
    <Stack gap={2}>
      <ContactName contactId={invitation.contactId} />
      {invitation.url && <CopyField value={invitation.url} testId="invitation-link" />}
    </Stack>
  );
}

interface SendResultProps {
  result: SendSurveyResult;
  delivery: 'email' | 'link';
  onClose: () => void;
  onAgain: () => void;
}

/** What happened: how many were sent, the links to pass on, and who was skipped, in words. */
export function SendResult({ result, delivery, onClose, onAgain }: SendResultProps) {
  const { t } = useTranslation();
  const offered = delivery === 'email' ? result.sent : result.invitations.length;
  return (
    <Stack gap="md" data-testid="send-result">
      <Alert
        color={offered > 0 ? 'green' : 'gray'}
        variant="light"
        icon={<IconCircleCheck size={18} />}
        title={
          offered === 0
            ? t('send.noneSent')
            : delivery === 'email'
              ? t('send.sentCount', { count: result.sent })
              : t('send.linkCount', { count: result.invitations.length })
        }
      >
        {offered === 0 ? t('send.noneSentHint') : delivery === 'email' ? t('send.sentHint') : t('send.linkHint')}
      </Alert>
      {delivery === 'link' && result.invitations.length > 0 && (
        <ScrollArea.Autosize mah={240} type="auto">
          <Stack gap="sm">
            {result.invitations.map((invitation) => (
              <LinkRow key={invitation.id} invitation={invitation} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      {result.skipped.length > 0 && (
        <Stack gap="xs">
          <Group gap={6}>
            <IconAlertTriangle size={16} color="var(--mantine-color-yellow-8)" />
            <Text size="sm" fw={600}>
              {t('send.skippedCount', { count: result.skipped.length })}
            </Text>
          </Group>
          <Paper withBorder radius="md">
            <ScrollArea.Autosize mah={220} type="auto">
              <Table verticalSpacing={6} horizontalSpacing="sm">
                <Table.Tbody>
                  {result.skipped.map((skip) => (
                    <Table.Tr key={skip.contactId} data-testid="skipped-row">
                      <Table.Td>
                        <ContactName contactId={skip.contactId} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="yellow.9">
                          {t(`send.reasons.${skip.reason}`)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Paper>
        </Stack>
      )}
      <Group justify="space-between">
        {delivery === 'email' ? (
          <Anchor component={Link} to="/settings/outbox" size="sm">
            {t('send.openOutbox')}
          </Anchor>
        ) : (
          <span />
        )}
        <Group gap="xs">
          <Button variant="default" onClick={onAgain}>
            {t('send.again')}
          </Button>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Group>
    </Stack>
  );
}
