import { Tabs } from '@mantine/core';
import { IconClipboardList, IconMessageDots } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Surveys | Responses, as links. */
export function FeedbackTabs({ active }: { active: 'surveys' | 'responses' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      onChange={(value) => navigate(value === 'responses' ? '/feedback/responses' : '/feedback/surveys')}
      mb="md"
    >
      <Tabs.List>
        <Tabs.Tab value="surveys" leftSection={<IconClipboardList size={16} />} data-testid="feedback-tab-surveys">
          {t('feedback.surveys')}
        </Tabs.Tab>
        <Tabs.Tab value="responses" leftSection={<IconMessageDots size={16} />} data-testid="feedback-tab-responses">
          {t('feedback.responses')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
