import { Anchor, Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The link back to the list of surveys, above a survey's title. */
export function BackToSurveys() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/feedback/surveys" size="sm" mb="sm" display="inline-block">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('feedback.surveys')}
      </Group>
    </Anchor>
  );
}
