import { Tabs } from '@mantine/core';
import { IconListCheck, IconRobot } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Rules | Run log, as links. */
export function AutomationTabs({ active }: { active: 'rules' | 'log' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      onChange={(value) => navigate(value === 'log' ? '/settings/automation/log' : '/settings/automation')}
      mb="md"
    >
      <Tabs.List>
        <Tabs.Tab value="rules" leftSection={<IconRobot size={16} />} data-testid="automation-tab-rules">
          {t('automation.tabs.rules')}
        </Tabs.Tab>
        <Tabs.Tab value="log" leftSection={<IconListCheck size={16} />} data-testid="automation-tab-log">
          {t('automation.tabs.log')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
