import { Anchor, Box, Divider, Group, ScrollArea, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconClock, IconExternalLink, IconLanguage, IconMail } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useContact } from '../../api/customers.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { languageName } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { CustomerTimeline } from '../customers/CustomerTimeline.tsx';
import { OpenCasesPanel } from '../recovery/OpenCasesPanel.tsx';

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Box c="dimmed" mt={2} aria-hidden>
        {icon}
      </Box>
      <Box style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      </Box>
    </Group>
  );
}

/** Who the customer is and everything that happened with them, beside the conversation. */
export function CustomerPanel({
  contactId,
  currentConversationId,
}: {
  contactId: string;
  currentConversationId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contact = useContact(contactId);
  const data = contact.data;

  return (
    <Box
      component="aside"
      aria-label={t('customerPanel.title')}
      style={{
        borderLeft: '1px solid var(--mantine-color-gray-3)',
        minHeight: 0,
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack p="md" gap="sm">
          {contact.isPending && (
            <Stack gap="xs" aria-busy="true">
              <Skeleton height={22} width="60%" />
              <Skeleton height={14} width="80%" />
              <Skeleton height={14} width="50%" />
            </Stack>
          )}
          {contact.isError && <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />}
          {data && (
            <>
              <Box>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('customerPanel.title')}
                </Text>
                <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
                  {data.name || data.emails[0] || t('customers.noName')}
                </Title>
              </Box>
              {data.emails.length > 0 && (
                <Fact icon={<IconMail size={14} />} label={t('customerPanel.emails')}>
                  {data.emails.join(', ')}
                </Fact>
              )}
              <Fact icon={<IconBuilding size={14} />} label={t('customerPanel.company')}>
                {data.company ? (
                  <Anchor component={Link} to={`/customers/companies/${data.company.id}`} size="sm">
                    {data.company.name}
                  </Anchor>
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t('customerPanel.noCompany')}
                  </Text>
                )}
              </Fact>
              <Group gap="lg">
                <Fact icon={<IconLanguage size={14} />} label={t('customerPanel.locale')}>
                  {languageName(data.locale, locale) ?? '—'}
                </Fact>
                {data.timeZone && (
                  <Fact icon={<IconClock size={14} />} label={t('customerPanel.timeZone')}>
                    {data.timeZone}
                  </Fact>
                )}
              </Group>
              <Anchor component={Link} to={`/customers/contacts/${data.id}`} size="sm">
                <Group gap={4}>
                  <IconExternalLink size={14} />
                  {t('customerPanel.openProfile')}
                </Group>
              </Anchor>
            </>
          )}
          <OpenCasesPanel contactId={contactId} />
          <Divider />
          <Text size="sm" fw={600}>
            {t('customerPanel.timeline')}
          </Text>
          <CustomerTimeline contactId={contactId} currentConversationId={currentConversationId} compact />
        </Stack>
      </ScrollArea>
    </Box>
  );
}
