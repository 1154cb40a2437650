import { Code, Group, Modal, SimpleGrid, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutboxEmail } from '../../api/email.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { EmailStatusBadge } from './EmailStatusBadge.tsx';

/**
 * One email as it was (or would have been) sent. The HTML is shown in a sandboxed
 * frame with no permissions at all: no scripts, no forms, no navigation of this page.
 */
export function OutboxEmailDialog({ emailId, onClose }: { emailId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const email = useOutboxEmail(emailId);

  return (
    <Modal opened={emailId !== null} onClose={onClose} size="xl" title={email.data?.subject ?? t('outbox.email')}>
      {email.isPending ? (
        <Stack aria-busy="true">
          <Skeleton height={60} />
          <Skeleton height={360} />
        </Stack>
      ) : email.isError ? (
        <ErrorState error={email.error} onRetry={() => void email.refetch()} />
      ) : (
        <Stack gap="md" data-testid="outbox-email">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('outbox.to')}:{' '}
              </Text>
              {email.data.to}
            </Text>
            <Group gap="xs">
              <EmailStatusBadge status={email.data.status} />
              <Text size="xs" c="dimmed">
                {email.data.sentAt
                  ? t('outbox.sentAt', { at: formatDateTime(email.data.sentAt, locale) })
                  : t('outbox.createdAtValue', { at: formatDateTime(email.data.createdAt, locale) })}
              </Text>
            </Group>
          </SimpleGrid>
          {email.data.lastError && (
            <Text size="sm" c="red.8">
              {t('outbox.lastError', { attempts: email.data.attempts, error: email.data.lastError })}
            </Text>
          )}
          <Tabs defaultValue="html">
            <Tabs.List>
              <Tabs.Tab value="html">{t('outbox.html')}</Tabs.Tab>
              <Tabs.Tab value="text">{t('outbox.text')}</Tabs.Tab>
              <Tabs.Tab value="headers">{t('outbox.headers')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              <iframe
                title={t('outbox.html')}
                srcDoc={email.data.html}
                sandbox=""
                referrerPolicy="no-referrer"
                data-testid="outbox-html"
                style={{
                  width: '100%',
                  height: 480,
                  border: '1px solid var(--mantine-color-gray-3)',
                  borderRadius: 8,
                  background: '#fff',
                }}
              />
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Code
                block
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 480, overflow: 'auto' }}
              >
                {email.data.text}
              </Code>
            </Tabs.Panel>
            <Tabs.Panel value="headers" pt="sm">
              <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {Object.entries(email.data.headers)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join('\n')}
              </Code>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Modal>
  );
}
