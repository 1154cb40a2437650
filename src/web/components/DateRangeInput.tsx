import '@mantine/dates/styles.css';
import 'dayjs/locale/ja';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useLocale } from '../lib/useLocale.ts';

interface DateRangeInputProps {
  label: string;
  placeholder: string;
  /** Calendar dates, 2026-11-24. */
  from: string | null;
  to: string | null;
  onChange: (from: string | null, to: string | null) => void;
  w?: number;
  testId?: string;
}

/** A from–to date picker that writes dates the reader's way (2026年11月24日 / Nov 24, 2026). */
export function DateRangeInput({ label, placeholder, from, to, onChange, w = 280, testId }: DateRangeInputProps) {
  const locale = useLocale();
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 0 }}>
      <DatePickerInput
        type="range"
        aria-label={label}
        placeholder={placeholder}
        leftSection={<IconCalendar size={16} />}
        valueFormat={locale === 'ja' ? 'YYYY年M月D日' : 'MMM D, YYYY'}
        value={[from, to]}
        onChange={([start, end]) => {
          // Apply once the range is whole, or when it is cleared.
          if ((start && end) || (!start && !end)) onChange(start ? String(start) : null, end ? String(end) : null);
        }}
        allowSingleDateInRange
        clearable
        w={w}
        data-testid={testId}
      />
    </DatesProvider>
  );
}
