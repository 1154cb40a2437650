import { Anchor, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../../shared/contracts/customers.ts';
import { formatDate, languageName } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

/** The contact's identity at a glance. */
export function ContactFacts({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" verticalSpacing="md">
      <Fact label={t('customers.company')}>
        {contact.company ? (
          <Anchor component={Link} to={`/customers/companies/${contact.company.id}`} size="sm">
            {contact.company.name}
          </Anchor>
        ) : (
          '—'
        )}
      </Fact>
      <Fact label={t('customers.emails')}>{contact.emails.join(', ') || '—'}</Fact>
      <Fact label={t('customers.phones')}>{contact.phones.join(', ') || '—'}</Fact>
      <Fact label={t('customers.locale')}>{languageName(contact.locale, locale) ?? '—'}</Fact>
      <Fact label={t('customers.timeZone')}>{contact.timeZone ?? '—'}</Fact>
      <Fact label={t('customers.createdAt')}>{formatDate(contact.createdAt, locale)}</Fact>
    </SimpleGrid>
  );
}
