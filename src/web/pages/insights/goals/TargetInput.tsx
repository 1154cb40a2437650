import { Group, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FigureUnit } from '../figures.ts';

interface TargetInputProps {
  unit: FigureUnit;
  /** In the figure's unit: seconds for durations. */
  value: number | null;
  onChange: (value: number | null) => void;
  label?: string;
  error?: string;
  testId?: string;
  size?: 'xs' | 'sm';
}

const LIMITS: Record<Exclude<FigureUnit, 'duration'>, { min: number; max?: number; decimals: number }> = {
  percent: { min: 0, max: 100, decimals: 1 },
  index: { min: -100, max: 100, decimals: 0 },
  mean: { min: 1, max: 10, decimals: 2 },
  count: { min: 0, decimals: 0 },
};

/** A target in the metric's unit: durations as hours and minutes, percentages 0–100, NPS −100…100. */
export function TargetInput({ unit, value, onChange, label, error, testId, size = 'sm' }: TargetInputProps) {
  const { t } = useTranslation();
  if (unit === 'duration') {
    const hours = value === null ? '' : Math.floor(value / 3600);
    const minutes = value === null ? '' : Math.round((value % 3600) / 60);
    const set = (h: number | string, m: number | string) => {
      const total = (Number(h) || 0) * 3600 + (Number(m) || 0) * 60;
      onChange(h === '' && m === '' ? null : total);
    };
    return (
      <Group gap={6} align="flex-end" wrap="nowrap" data-testid={testId}>
        <NumberInput
          label={label}
          size={size}
          value={hours}
          onChange={(h) => set(h, minutes)}
          min={0}
          max={24 * 365}
          allowDecimal={false}
          rightSection={t('insights.units.hours')}
          rightSectionWidth={size === 'xs' ? 44 : 56}
          w={size === 'xs' ? 100 : 120}
          error={error}
          aria-label={`${label ?? ''} ${t('insights.units.hours')}`.trim()}
          data-testid={testId ? `${testId}-hours` : undefined}
        />
        <NumberInput
          size={size}
          value={minutes}
          onChange={(m) => set(hours, m)}
          min={0}
          max={59}
          allowDecimal={false}
          rightSection={t('insights.units.minutes')}
          rightSectionWidth={size === 'xs' ? 36 : 44}
          w={size === 'xs' ? 84 : 100}
          aria-label={`${label ?? ''} ${t('insights.units.minutes')}`.trim()}
          data-testid={testId ? `${testId}-minutes` : undefined}
        />
      </Group>
    );
  }
  const limits = LIMITS[unit];
  return (
    <NumberInput
      label={label}
      size={size}
      value={value ?? ''}
      onChange={(next) => onChange(next === '' ? null : Number(next))}
      min={limits.min}
      max={limits.max}
      decimalScale={limits.decimals}
      allowDecimal={limits.decimals > 0}
      suffix={unit === 'percent' ? ' %' : undefined}
      thousandSeparator={unit === 'count' ? ',' : undefined}
      w={size === 'xs' ? 110 : 160}
      error={error}
      aria-label={label}
      data-testid={testId}
    />
  );
}
