import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyProps {
  icon: ReactNode;
  title: string;
  description: string;
  action?: ReactNode;
  size?: 'sm' | 'md';
}

/** Says what will appear here and how to get it. */
export function Empty({ icon, title, description, action, size = 'md' }: EmptyProps) {
  return (
    <EmptyState
      size={size}
      icon={icon}
      variant="light"
      title={title}
      description={description}
      py={size === 'sm' ? 'md' : 'xl'}
      px="md"
      maw={460}
      mx="auto"
    >
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
