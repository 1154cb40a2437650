import { Button, Group, Input, Modal, MultiSelect, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../../shared/contracts/calendars.ts';
import { CHANNELS, type Channel } from '../../../../shared/contracts/conversations.ts';
import { useSaveCalendar } from '../../../api/calendars.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { fieldError } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { TIME_ZONES } from '../../../lib/timeZones.ts';
import { invalidRanges, toRanges, toWeeklyHours, type WeeklyHours, WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';

const WEEKDAY_HOURS = toWeeklyHours([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })));

/** Create a calendar, or change its name, time zone, weekly hours, channels and default. */
export function CalendarDialog({
  calendar,
  defaultTimeZone,
  onClose,
}: {
  calendar: Calendar | null;
  defaultTimeZone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveCalendar();
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? defaultTimeZone);
  const [hours, setHours] = useState<WeeklyHours>(calendar ? toWeeklyHours(calendar.ranges) : WEEKDAY_HOURS);
  const [channels, setChannels] = useState<Channel[]>(calendar?.channels ?? []);
  const [isDefault, setIsDefault] = useState(calendar?.isDefault ?? false);
  const [submitted, setSubmitted] = useState(false);

  const ranges = toRanges(hours);
  const nameError = submitted && !name.trim() ? t('common.required') : fieldError(save.error, 'name');
  const hoursError = submitted && ranges.length === 0 ? t('calendars.noHours') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || ranges.length === 0 || invalidRanges(hours).size > 0) return;
    save.mutate(
      { id: calendar?.id, name: name.trim(), timeZone, ranges, channels, isDefault },
      {
        onSuccess: () => {
          notifySuccess(calendar ? t('common.saved') : t('calendars.created'));
          onClose();
        },
      },
    );
  };

  const knownFieldError = ['name', 'timeZone', 'channels'].some((field) => fieldError(save.error, field));

  return (
    <Modal opened onClose={onClose} size="xl" title={calendar ? t('calendars.editTitle') : t('calendars.create')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.error && !knownFieldError ? <ErrorState error={save.error} /> : null}
          <Group grow align="flex-start">
            <TextInput
              label={t('calendars.name')}
              placeholder={t('calendars.namePlaceholder')}
              data-testid="calendar-name"
              required
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={nameError}
            />
            <Select
              label={t('calendars.timeZone')}
              data-testid="calendar-time-zone"
              data={TIME_ZONES}
              value={timeZone}
              onChange={(value) => value && setTimeZone(value)}
              searchable
              allowDeselect={false}
              error={fieldError(save.error, 'timeZone')}
            />
          </Group>
          <Input.Wrapper label={t('calendars.hours')} description={t('calendars.hoursHint')} error={hoursError}>
            <Stack mt="xs">
              <WeeklyHoursEditor value={hours} onChange={setHours} showErrors={submitted} />
            </Stack>
          </Input.Wrapper>
          <MultiSelect
            label={t('calendars.channels')}
            description={t('calendars.channelsHint')}
            placeholder={channels.length === 0 ? t('calendars.channelsPlaceholder') : undefined}
            data-testid="calendar-channels"
            data={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
            value={channels}
            onChange={(value) => setChannels(value as Channel[])}
            error={fieldError(save.error, 'channels')}
          />
          <Switch
            label={t('calendars.isDefault')}
            description={t('calendars.isDefaultHint')}
            data-testid="calendar-default"
            checked={isDefault}
            onChange={(event) => setIsDefault(event.currentTarget.checked)}
          />
          <Text size="xs" c="dimmed">
            {t('calendars.recomputeNote')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="calendar-save">
              {calendar ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
