import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ToggleOption<V extends string> {
  value: V;
  label: ReactNode;
  icon?: ReactNode;
  color?: ButtonProps['color'];
  testId?: string;
  lang?: string;
}

interface ToggleGroupProps<V extends string> {
  label: string;
  value: V;
  options: ToggleOption<V>[];
  onChange: (value: V) => void;
  fullWidth?: boolean;
  testId?: string;
}

/** A row of pressed/unpressed buttons: one choice, reachable by keyboard and by tests. */
export function ToggleGroup<V extends string>({
  label,
  value,
  options,
  onChange,
  fullWidth,
  testId,
}: ToggleGroupProps<V>) {
  return (
    <Button.Group aria-label={label} data-testid={testId} w={fullWidth ? '100%' : undefined}>
      {options.map((option) => {
        const active = option.value === value;
        return (
          <Button
            key={option.value}
            size="xs"
            variant={active ? 'light' : 'default'}
            color={option.color}
            aria-pressed={active}
            leftSection={option.icon}
            data-testid={option.testId}
            lang={option.lang}
            onClick={() => onChange(option.value)}
            fw={active ? 700 : 500}
            style={fullWidth ? { flex: 1 } : undefined}
          >
            {option.label}
          </Button>
        );
      })}
    </Button.Group>
  );
}
