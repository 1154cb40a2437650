import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered card of the Insights pages: a title, a dimmed hint under it, then the content. */
export function TitledCard({
  title,
  hint,
  testId,
  children,
}: {
  title: string;
  hint: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text fw={600}>{title}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}
