import { Avatar, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/contracts/common.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useTitle } from '../lib/useTitle.ts';

interface PublicLayoutProps {
  title: string;
  subtitle: string;
  children: ReactNode;
  onLanguageChange?: (locale: Locale) => void;
}

/** The card used by pages reached before signing in (login, invitation). */
export function PublicLayout({ title, subtitle, children, onLanguageChange }: PublicLayoutProps) {
  const { t } = useTranslation();
  useTitle(title);
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={400} gap="lg">
        <Group gap="sm" justify="center">
          <Avatar color="koe" variant="filled" radius="md" size={44} aria-hidden>
            声
          </Avatar>
          <Box>
            <Text fw={700} size="xl" lh={1.1}>
              Koe
            </Text>
            <Text size="xs" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Box>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="lg">
          <Title order={2} size="h3">
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={4} mb="lg">
            {subtitle}
          </Text>
          {children}
        </Paper>
        <Box maw={220} mx="auto" w="100%">
          <LanguageSwitch persist={false} onChange={onLanguageChange} />
        </Box>
      </Stack>
    </Center>
  );
}
