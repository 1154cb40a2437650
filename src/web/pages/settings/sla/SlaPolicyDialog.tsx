import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel, PRIORITIES, type Priority } from '../../../../shared/contracts/conversations.ts';
import type { SlaConditions, SlaPolicy } from '../../../../shared/contracts/sla.ts';
import { useCalendars } from '../../../api/calendars.ts';
import { useSaveSlaPolicy } from '../../../api/sla.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { fieldError } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { joinSeconds, splitSeconds, TargetInput } from './TargetInput.tsx';

const NO_CALENDAR = '__none__';
const FIELDS = [
  'name',
  'description',
  'conditions',
  'firstResponseSeconds',
  'nextResponseSeconds',
  'resolutionSeconds',
  'calendarId',
  'warnAtPercent',
  'isDefault',
];

/** Create a policy, or change its conditions, targets, calendar, warning and default. */
export function SlaPolicyDialog({
  policy,
  otherDefault,
  onClose,
}: {
  policy: SlaPolicy | null;
  /** Another policy is the default (its name): this one cannot become it. */
  otherDefault: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSlaPolicy();
  const calendars = useCalendars();
  const [name, setName] = useState(policy?.name ?? '');
  const [description, setDescription] = useState(policy?.description ?? '');
  const [isDefault, setIsDefault] = useState(policy?.isDefault ?? otherDefault === null);
  const [enabled, setEnabled] = useState(policy?.enabled ?? true);
  const [priority, setPriority] = useState<Priority[]>(policy?.conditions.priority ?? []);
  const [channel, setChannel] = useState<Channel[]>(policy?.conditions.channel ?? []);
  const [companyPlan, setCompanyPlan] = useState<string[]>(policy?.conditions.companyPlan ?? []);
  const [companyTier, setCompanyTier] = useState<string[]>(policy?.conditions.companyTier ?? []);
  const [tags, setTags] = useState<string[]>(policy?.conditions.tags ?? []);
  const [first, setFirst] = useState(splitSeconds(policy ? policy.firstResponseSeconds : 7200));
  const [next, setNext] = useState(splitSeconds(policy ? policy.nextResponseSeconds : 14_400));
  const [resolution, setResolution] = useState(splitSeconds(policy ? policy.resolutionSeconds : 86_400));
  const [calendarId, setCalendarId] = useState<string>(
    policy ? (policy.calendarId ?? NO_CALENDAR) : (calendars.data?.find((c) => c.isDefault)?.id ?? NO_CALENDAR),
  );
  const [warnAtPercent, setWarnAtPercent] = useState<number | ''>(policy?.warnAtPercent ?? 80);
  const [submitted, setSubmitted] = useState(false);

  const seconds = {
    firstResponseSeconds: joinSeconds(first),
    nextResponseSeconds: joinSeconds(next),
    resolutionSeconds: joinSeconds(resolution),
  };
  const noTarget = Object.values(seconds).every((value) => value === null);
  const warnInvalid = warnAtPercent === '' || warnAtPercent < 1 || warnAtPercent > 99;
  const nameError = submitted && !name.trim() ? t('common.required') : fieldError(save.error, 'name');
  const targetError = submitted && noTarget ? t('sla.settings.targetRequired') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim() || noTarget || warnInvalid) return;
    const conditions: SlaConditions = isDefault ? {} : { priority, channel, companyPlan, companyTier, tags };
    save.mutate(
      {
        id: policy?.id,
        name: name.trim(),
        description: description.trim(),
        enabled,
        isDefault,
        conditions,
        ...seconds,
        calendarId: calendarId === NO_CALENDAR ? null : calendarId,
        warnAtPercent: Number(warnAtPercent),
      },
      {
        onSuccess: () => {
          notifySuccess(policy ? t('common.saved') : t('sla.settings.created'));
          onClose();
        },
      },
    );
  };

  const knownFieldError = FIELDS.some((field) => fieldError(save.error, field));
  const calendarOptions = [
    { value: NO_CALENDAR, label: t('sla.settings.calendarNone') },
    ...(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];

  return (
    <Modal opened onClose={onClose} size="xl" title={policy ? t('sla.settings.editTitle') : t('sla.settings.create')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.error && !knownFieldError ? <ErrorState error={save.error} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('sla.settings.name')}
              placeholder={t('sla.settings.namePlaceholder')}
              required
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={nameError}
              maxLength={100}
              data-testid="sla-policy-name"
            />
            <Textarea
              label={t('sla.settings.descriptionLabel')}
              placeholder={t('sla.settings.descriptionPlaceholder')}
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              autosize
              minRows={1}
              maxRows={3}
              maxLength={1000}
              error={fieldError(save.error, 'description')}
            />
          </SimpleGrid>
          <Switch
            label={t('sla.settings.isDefault')}
            description={
              otherDefault !== null && !policy?.isDefault
                ? t('sla.settings.isDefaultTaken', { name: otherDefault })
                : t('sla.settings.isDefaultHint')
            }
            checked={isDefault}
            disabled={otherDefault !== null && !policy?.isDefault}
            onChange={(event) => setIsDefault(event.currentTarget.checked)}
            data-testid="sla-policy-default"
          />
          {fieldError(save.error, 'isDefault') && (
            <Text size="xs" c="red">
              {fieldError(save.error, 'isDefault')}
            </Text>
          )}
          {!isDefault && (
            <Stack gap="xs">
              <div>
                <Text fw={600} size="sm">
                  {t('sla.settings.conditions')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('sla.settings.conditionsHint')}
                </Text>
              </div>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MultiSelect
                  label={t('sla.settings.priority')}
                  placeholder={priority.length ? undefined : t('sla.settings.anyValue')}
                  data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
                  value={priority}
                  onChange={(value) => setPriority(value as Priority[])}
                  clearable
                  data-testid="sla-policy-priority"
                />
                <MultiSelect
                  label={t('sla.settings.channel')}
                  placeholder={channel.length ? undefined : t('sla.settings.anyValue')}
                  data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                  value={channel}
                  onChange={(value) => setChannel(value as Channel[])}
                  clearable
                />
                <TagsInput
                  label={t('sla.settings.companyPlan')}
                  description={t('sla.settings.companyPlanHint')}
                  placeholder={companyPlan.length ? undefined : t('sla.settings.typeAndEnter')}
                  value={companyPlan}
                  onChange={setCompanyPlan}
                  clearable
                />
                <TagsInput
                  label={t('sla.settings.companyTier')}
                  description={t('sla.settings.companyTierHint')}
                  placeholder={companyTier.length ? undefined : t('sla.settings.typeAndEnter')}
                  value={companyTier}
                  onChange={setCompanyTier}
                  clearable
                />
                <TagsInput
                  label={t('sla.settings.tags')}
                  placeholder={tags.length ? undefined : t('sla.settings.typeAndEnter')}
                  value={tags}
                  onChange={setTags}
                  splitChars={[',']}
                  clearable
                  data-testid="sla-policy-tags"
                />
              </SimpleGrid>
              {fieldError(save.error, 'conditions') && (
                <Text size="xs" c="red">
                  {fieldError(save.error, 'conditions')}
                </Text>
              )}
            </Stack>
          )}
          <Divider />
          <div>
            <Text fw={600} size="sm">
              {t('sla.settings.targets')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('sla.settings.targetsHint')}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TargetInput
              label={t('sla.kinds.first_response')}
              value={first}
              onChange={setFirst}
              error={targetError ?? fieldError(save.error, 'firstResponseSeconds')}
              testId="sla-policy-first"
            />
            <TargetInput
              label={t('sla.kinds.next_response')}
              value={next}
              onChange={setNext}
              error={fieldError(save.error, 'nextResponseSeconds')}
              testId="sla-policy-next"
            />
            <TargetInput
              label={t('sla.kinds.resolution')}
              value={resolution}
              onChange={setResolution}
              error={fieldError(save.error, 'resolutionSeconds')}
              testId="sla-policy-resolution"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('sla.settings.calendar')}
              description={
                calendars.data && calendars.data.length === 0
                  ? t('sla.settings.noCalendars')
                  : t('sla.settings.calendarHint')
              }
              data={calendarOptions}
              value={calendarId}
              onChange={(value) => setCalendarId(value ?? NO_CALENDAR)}
              allowDeselect={false}
              error={fieldError(save.error, 'calendarId')}
              data-testid="sla-policy-calendar"
            />
            <NumberInput
              label={t('sla.settings.warnAt')}
              description={t('sla.settings.warnAtHint')}
              value={warnAtPercent}
              onChange={(value) => setWarnAtPercent(value === '' ? '' : Number(value))}
              min={1}
              max={99}
              allowDecimal={false}
              suffix="%"
              error={submitted && warnInvalid ? t('sla.settings.warnAtHint') : fieldError(save.error, 'warnAtPercent')}
              data-testid="sla-policy-warn"
            />
          </SimpleGrid>
          <Switch
            label={t('sla.settings.enabled')}
            description={t('sla.settings.enabledHint')}
            checked={enabled}
            onChange={(event) => setEnabled(event.currentTarget.checked)}
          />
          {policy && (
            <Alert variant="light" color="gray" icon={<IconInfoCircle size={16} />} p="xs">
              <Text size="xs">{t('sla.settings.editNote')}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="sla-policy-save">
              {policy ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
