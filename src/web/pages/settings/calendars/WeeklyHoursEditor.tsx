import { ActionIcon, Button, Group, Select, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpeningRange } from '../../../../shared/contracts/calendars.ts';
import { weekdayName } from '../../../lib/openingHours.ts';
import { useLocale } from '../../../lib/useLocale.ts';

export type WeeklyHours = Record<number, { start: string; end: string }[]>;

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** Every quarter hour from 00:00 to 24:00. */
const TIMES = Array.from({ length: 97 }, (_, i) => {
  const minutes = i * 15;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

export function toWeeklyHours(ranges: readonly OpeningRange[]): WeeklyHours {
  const hours: WeeklyHours = {};
  for (const range of ranges) {
    hours[range.weekday] = [...(hours[range.weekday] ?? []), { start: range.start, end: range.end }];
  }
  return hours;
}

export function toRanges(hours: WeeklyHours): OpeningRange[] {
  return WEEKDAYS.flatMap((weekday) => (hours[weekday] ?? []).map((range) => ({ weekday, ...range })));
}

/** Ranges whose end is not after their start, as "weekday:index". */
export function invalidRanges(hours: WeeklyHours): Set<string> {
  const invalid = new Set<string>();
  for (const weekday of WEEKDAYS) {
    (hours[weekday] ?? []).forEach((range, index) => {
      if (range.end <= range.start) invalid.add(`${weekday}:${index}`);
    });
  }
  return invalid;
}

const options = (value: string) => (TIMES.includes(value) ? TIMES : [...TIMES, value].sort());

/** Per weekday: closed, or one or more opening ranges. */
export function WeeklyHoursEditor({
  value,
  onChange,
  showErrors,
}: {
  value: WeeklyHours;
  onChange(value: WeeklyHours): void;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const invalid = showErrors ? invalidRanges(value) : new Set<string>();
  const set = (weekday: number, ranges: { start: string; end: string }[]) => onChange({ ...value, [weekday]: ranges });
  const monday = value[1] ?? [];

  return (
    <Stack gap={6} data-testid="weekly-hours">
      {WEEKDAYS.map((weekday) => {
        const ranges = value[weekday] ?? [];
        const open = ranges.length > 0;
        const dayName = weekdayName(weekday, locale);
        return (
          <Group key={weekday} align="flex-start" wrap="nowrap" gap="sm" mih={36}>
            <Text w={36} fw={600} pt={7} c={weekday >= 6 ? 'red.7' : undefined}>
              {dayName}
            </Text>
            <Switch
              pt={8}
              w={92}
              checked={open}
              label={open ? t('calendars.open') : t('calendars.closed')}
              aria-label={`${dayName}: ${t('calendars.open')}`}
              onChange={(event) => set(weekday, event.currentTarget.checked ? [{ start: '09:00', end: '18:00' }] : [])}
            />
            <Stack gap={6} style={{ flex: 1 }}>
              {ranges.map((range, index) => {
                const error = invalid.has(`${weekday}:${index}`);
                const update = (patch: Partial<typeof range>) =>
                  set(
                    weekday,
                    ranges.map((r, i) => (i === index ? { ...r, ...patch } : r)),
                  );
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no identity but their position
                  <Group key={index} gap="xs" wrap="nowrap">
                    <Select
                      aria-label={`${dayName} ${t('calendars.from')}`}
                      data={options(range.start)}
                      value={range.start}
                      onChange={(start) => start && update({ start })}
                      allowDeselect={false}
                      searchable
                      w={100}
                      size="sm"
                    />
                    <Text c="dimmed">–</Text>
                    <Select
                      aria-label={`${dayName} ${t('calendars.to')}`}
                      data={options(range.end)}
                      value={range.end}
                      onChange={(end) => end && update({ end })}
                      allowDeselect={false}
                      searchable
                      w={100}
                      size="sm"
                      error={error ? t('calendars.rangeOrder') : undefined}
                    />
                    <Tooltip label={t('calendars.removeRange')}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`${dayName}: ${t('calendars.removeRange')}`}
                        onClick={() =>
                          set(
                            weekday,
                            ranges.filter((_, i) => i !== index),
                          )
                        }
                      >
                        <IconX size={16} />
                      </ActionIcon>
                    </Tooltip>
                    {index === ranges.length - 1 && (
                      <Tooltip label={t('calendars.addRange')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={`${dayName}: ${t('calendars.addRange')}`}
                          onClick={() => {
                            const last = ranges.at(-1)?.end ?? '12:00';
                            set(weekday, [...ranges, { start: last === '24:00' ? '23:00' : last, end: '24:00' }]);
                          }}
                        >
                          <IconPlus size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                );
              })}
            </Stack>
          </Group>
        );
      })}
      {monday.length > 0 && (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconCopy size={14} />}
            onClick={() => onChange({ ...value, 2: monday, 3: monday, 4: monday, 5: monday })}
          >
            {t('calendars.copyToWeekdays')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
