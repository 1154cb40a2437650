import { Center, Stack, Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/Empty.tsx';

export function NoConversationSelected() {
  const { t } = useTranslation();
  return (
    <Center h="100%" bg="gray.0">
      <Stack align="center" gap="xs">
        <Empty
          icon={<IconMessages />}
          title={t('inbox.selectConversation')}
          description={t('inbox.selectConversationHint')}
        />
        <Text size="xs" c="dimmed">
          {t('inbox.shortcuts')}
        </Text>
      </Stack>
    </Center>
  );
}
