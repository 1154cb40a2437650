import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconDownload, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Calendar, JAPAN_HOLIDAY_YEARS } from '../../../../shared/contracts/calendars.ts';
import { useHolidays, useLoadJapanHolidays, useReplaceHolidays } from '../../../api/calendars.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { notifySuccess } from '../../../lib/notify.ts';
import { useLocale } from '../../../lib/useLocale.ts';

const holidayDate = (day: string, locale: 'ja' | 'en') =>
  new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));

/** A calendar's holidays by year: load Japan's national holidays, add or remove days off. */
export function HolidaysDialog({
  calendar,
  editable,
  onClose,
}: {
  calendar: Calendar;
  editable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const holidays = useHolidays(calendar.id);
  const replace = useReplaceHolidays(calendar.id);
  const load = useLoadJapanHolidays(calendar.id);
  const thisYear = new Date().getFullYear();
  const [fromYear, setFromYear] = useState<number>(thisYear);
  const [toYear, setToYear] = useState<number>(thisYear + 1);
  const [year, setYear] = useState<string>(String(thisYear));
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [dayError, setDayError] = useState<string | null>(null);

  const list = holidays.data ?? [];
  const years = [...new Set([String(thisYear), ...list.map((h) => h.day.slice(0, 4))])].sort();
  const shown = list.filter((h) => h.day.startsWith(`${year}-`));

  const loadJapan = () =>
    load.mutate(
      { fromYear: Math.min(fromYear, toYear), toYear: Math.max(fromYear, toYear) },
      {
        onSuccess: (result) =>
          notifySuccess(result.added > 0 ? t('calendars.loaded', { count: result.added }) : t('calendars.loadedNone')),
      },
    );

  const addDay = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
      setDayError(t('common.required'));
      return;
    }
    if (list.some((h) => h.day === day)) {
      setDayError(t('calendars.dayExists'));
      return;
    }
    setDayError(null);
    replace.mutate([...list, { day, name: name.trim() }], {
      onSuccess: () => {
        notifySuccess(t('calendars.dayAdded'));
        setYear(day.slice(0, 4));
        setDay('');
        setName('');
      },
    });
  };

  const remove = (removed: string) =>
    replace.mutate(
      list.filter((h) => h.day !== removed),
      { onSuccess: () => notifySuccess(t('calendars.dayRemoved')) },
    );

  const error = load.error ?? replace.error;

  return (
    <Modal opened onClose={onClose} size="lg" title={t('calendars.holidaysTitle', { name: calendar.name })}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('calendars.holidaysHint')}
        </Text>
        {error ? <ErrorState error={error} /> : null}
        {editable && (
          <Paper withBorder p="sm" radius="md">
            <Stack gap="xs">
              <Group align="flex-end" gap="sm">
                <NumberInput
                  label={t('calendars.fromYear')}
                  value={fromYear}
                  onChange={(value) => setFromYear(Number(value) || thisYear)}
                  min={JAPAN_HOLIDAY_YEARS.first}
                  max={JAPAN_HOLIDAY_YEARS.last}
                  w={110}
                  data-testid="holidays-from-year"
                />
                <NumberInput
                  label={t('calendars.toYear')}
                  value={toYear}
                  onChange={(value) => setToYear(Number(value) || thisYear)}
                  min={JAPAN_HOLIDAY_YEARS.first}
                  max={JAPAN_HOLIDAY_YEARS.last}
                  w={110}
                  data-testid="holidays-to-year"
                />
                <Button
                  leftSection={<IconDownload size={16} />}
                  onClick={loadJapan}
                  loading={load.isPending}
                  data-testid="holidays-load-japan"
                >
                  {t('calendars.loadJapan')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('calendars.loadJapanHint')}
              </Text>
              <Divider my={4} />
              <form onSubmit={addDay} noValidate>
                <Group align="flex-end" gap="sm" wrap="nowrap">
                  <TextInput
                    type="date"
                    label={t('calendars.day')}
                    value={day}
                    onChange={(event) => setDay(event.currentTarget.value)}
                    error={dayError}
                    w={160}
                    data-testid="holiday-day"
                  />
                  <TextInput
                    label={t('calendars.holidayName')}
                    placeholder={t('calendars.holidayNamePlaceholder')}
                    value={name}
                    onChange={(event) => setName(event.currentTarget.value)}
                    maxLength={100}
                    style={{ flex: 1 }}
                  />
                  <Button
                    type="submit"
                    variant="light"
                    leftSection={<IconPlus size={16} />}
                    loading={replace.isPending}
                    data-testid="holiday-add"
                  >
                    {t('calendars.add')}
                  </Button>
                </Group>
              </form>
            </Stack>
          </Paper>
        )}
        <Group justify="space-between">
          <Text fw={600}>{t('calendars.holidayCount', { count: list.length })}</Text>
          <Select
            aria-label={t('calendars.year')}
            data={years}
            value={year}
            onChange={(value) => value && setYear(value)}
            allowDeselect={false}
            w={110}
            size="xs"
          />
        </Group>
        {holidays.isPending ? (
          <ListSkeleton rows={4} />
        ) : holidays.isError ? (
          <ErrorState error={holidays.error} onRetry={() => void holidays.refetch()} />
        ) : shown.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('calendars.noHolidays')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={320} type="auto">
            <Table verticalSpacing={4} data-testid="holiday-list">
              <Table.Tbody>
                {shown.map((holiday) => (
                  <Table.Tr key={holiday.day}>
                    <Table.Td w={140} style={{ whiteSpace: 'nowrap' }}>
                      {holidayDate(holiday.day, locale)}
                    </Table.Td>
                    <Table.Td>{holiday.name}</Table.Td>
                    {editable && (
                      <Table.Td w={40}>
                        <Tooltip label={t('calendars.removeDay')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`${t('calendars.removeDay')}: ${holiday.day}`}
                            onClick={() => remove(holiday.day)}
                            disabled={replace.isPending}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
