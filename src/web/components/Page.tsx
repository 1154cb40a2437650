import { Box, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTitle } from '../lib/useTitle.ts';

interface PageProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Shown above the title, e.g. a link back to the list. */
  above?: ReactNode;
  /** Shown under the title row, e.g. tabs. */
  tabs?: ReactNode;
  children: ReactNode;
  maxWidth?: number;
}

/** A scrolling page with a title row; the same spacing everywhere. */
export function Page({ title, description, actions, above, tabs, children, maxWidth = 1100 }: PageProps) {
  useTitle(typeof title === 'string' ? title : null);
  return (
    <ScrollArea h="100%" type="auto">
      <Box px="xl" py="lg" maw={maxWidth}>
        {above}
        <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap" gap="md">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {description && (
              <Text c="dimmed" size="sm" component="div">
                {description}
              </Text>
            )}
          </Stack>
          {actions && (
            <Group gap="xs" wrap="nowrap">
              {actions}
            </Group>
          )}
        </Group>
        {tabs}
        {children}
      </Box>
    </ScrollArea>
  );
}
