import { Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Interval } from '../../../shared/contracts/metrics.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { type FigureUnit, formatFigure, formatRange } from './figures.ts';

interface FigureCellProps {
  value: number | null;
  unit: FigureUnit;
  n?: number;
  ci95?: Interval | null;
  /** Draw a 0–100 bar under a percentage, coloured by the goal when there is one. */
  bar?: boolean;
  color?: string;
  onOpen?: () => void;
  label: string;
  testId?: string;
}

/** A figure in a table: the value, its n and interval underneath; a click opens the items behind it. */
export function FigureCell({ value, unit, n, ci95, bar, color = 'koe', onOpen, label, testId }: FigureCellProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = value === null ? '—' : formatFigure(value, unit, locale);
  const detail = [
    n !== undefined ? `n=${formatNumber(n, locale)}` : null,
    ci95 ? formatRange(ci95, unit, locale) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const body = (
    <Stack gap={2} miw={unit === 'percent' && bar ? 110 : undefined}>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Text>
      {bar && value !== null && <Progress value={value} color={color} size={6} aria-hidden />}
      {detail && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {detail}
        </Text>
      )}
    </Stack>
  );
  if (!onOpen || (value === null && !n)) return body;
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-label={t('insights.openItems', { what: label, value: text })}
      className="koe-insights-card"
      p={4}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      data-testid={testId}
    >
      {body}
    </UnstyledButton>
  );
}
