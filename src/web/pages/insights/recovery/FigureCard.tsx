import { Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface FigureCardProps {
  title: string;
  hint: string;
  value: string;
  /** n, interval, what it is made of. */
  detail: ReactNode;
  color?: string | undefined;
  testId: string;
  onOpen: () => void;
  openLabel: string;
}

/** One recovery figure: value, n and interval; a click opens the cases behind it. */
export function FigureCard({ title, hint, value, detail, color, testId, onOpen, openLabel }: FigureCardProps) {
  return (
    <Paper withBorder radius="md" p={0} data-testid={testId}>
      <UnstyledButton
        onClick={onOpen}
        p="md"
        w="100%"
        h="100%"
        aria-label={openLabel}
        style={{ display: 'block', borderRadius: 'var(--mantine-radius-md)' }}
        className="koe-insights-card"
      >
        <Stack gap={6}>
          <Group gap={4} wrap="nowrap">
            <Text size="sm" c="dimmed" fw={600} truncate>
              {title}
            </Text>
            <Tooltip label={hint} multiline maw={300}>
              <IconInfoCircle size={14} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
            </Tooltip>
          </Group>
          <Text fz={28} fw={700} lh={1.1} c={color} data-testid="figure-value" style={{ whiteSpace: 'nowrap' }}>
            {value}
          </Text>
          <Text size="xs" component="div">
            {detail}
          </Text>
        </Stack>
      </UnstyledButton>
    </Paper>
  );
}
