import { Group, Input, NumberInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Seconds ↔ whole hours and minutes, as a manager thinks of a target ("2 時間 30 分"). */
export function splitSeconds(seconds: number | null): { hours: number | ''; minutes: number | '' } {
  if (seconds === null) return { hours: '', minutes: '' };
  const minutes = Math.round(seconds / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

export function joinSeconds(value: { hours: number | ''; minutes: number | '' }): number | null {
  if (value.hours === '' && value.minutes === '') return null;
  const total = (Number(value.hours) || 0) * 3600 + (Number(value.minutes) || 0) * 60;
  return total > 0 ? total : null;
}

interface TargetInputProps {
  label: string;
  value: { hours: number | ''; minutes: number | '' };
  onChange(value: { hours: number | ''; minutes: number | '' }): void;
  error?: string | undefined;
  testId: string;
}

/** One target as hours + minutes; both empty means "not measured". */
export function TargetInput({ label, value, onChange, error, testId }: TargetInputProps) {
  const { t } = useTranslation();
  const number = (v: string | number): number | '' => (v === '' ? '' : Math.max(0, Math.floor(Number(v))));
  return (
    <Input.Wrapper label={label} error={error}>
      <Group gap={6} wrap="nowrap" mt={4} align="center">
        <NumberInput
          aria-label={`${label} (${t('sla.settings.hours')})`}
          value={value.hours}
          onChange={(v) => onChange({ ...value, hours: number(v) })}
          min={0}
          max={8760}
          allowDecimal={false}
          allowNegative={false}
          placeholder="—"
          w={80}
          error={Boolean(error)}
          data-testid={`${testId}-hours`}
        />
        <Text size="sm" c="dimmed">
          {t('sla.settings.hours')}
        </Text>
        <NumberInput
          aria-label={`${label} (${t('sla.settings.minutes')})`}
          value={value.minutes}
          onChange={(v) => onChange({ ...value, minutes: number(v) })}
          min={0}
          max={59}
          allowDecimal={false}
          allowNegative={false}
          placeholder="—"
          w={70}
          error={Boolean(error)}
          data-testid={`${testId}-minutes`}
        />
        <Text size="sm" c="dimmed">
          {t('sla.settings.minutes')}
        </Text>
      </Group>
    </Input.Wrapper>
  );
}
