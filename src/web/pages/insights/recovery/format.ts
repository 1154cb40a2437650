import { formatNumber } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { formatFigure, formatRange } from '../figures.ts';

/** Counts, percentages, durations and intervals the reader's way. */
export function useFormat() {
  const locale = useLocale();
  return {
    count: (value: number) => formatNumber(value, locale),
    percent: (value: number | null) => (value === null ? '—' : formatFigure(value, 'percent', locale)),
    duration: (value: number | null) => (value === null ? '—' : formatFigure(value, 'duration', locale)),
    range: (range: [number, number] | null) => (range ? formatRange(range, 'percent', locale) : null),
  };
}
