import { Tabs } from '@mantine/core';
import { IconAddressBook, IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Contacts | Companies, as links. */
export function CustomersTabs({ active }: { active: 'contacts' | 'companies' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      onChange={(value) => navigate(value === 'companies' ? '/customers/companies' : '/customers')}
      mb="md"
    >
      <Tabs.List>
        <Tabs.Tab value="contacts" leftSection={<IconAddressBook size={16} />}>
          {t('customers.contacts')}
        </Tabs.Tab>
        <Tabs.Tab value="companies" leftSection={<IconBuilding size={16} />}>
          {t('customers.companies')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
