import {
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCALATION_TIERS, type EscalationTier } from '../../../shared/contracts/recovery.ts';
import type { Team } from '../../../shared/contracts/workspaces.ts';
import { useCalendars } from '../../api/calendars.ts';
import { useCreateTeam, useMembers, useUpdateTeam } from '../../api/workspace.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';

/** Create a team, or rename it and choose its members. */
export function TeamDialog({ team, onClose }: { team: Team | null; onClose: () => void }) {
  const { t } = useTranslation();
  const members = useMembers();
  const calendars = useCalendars();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const save = team ? update : create;
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const [calendarId, setCalendarId] = useState<string | null>(team?.calendarId ?? null);
  const [tiers, setTiers] = useState<Record<string, EscalationTier>>(team?.tiers ?? {});
  const [nameError, setNameError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError(t('common.required'));
      return;
    }
    const memberTiers = Object.fromEntries(memberIds.map((id) => [id, tiers[id] ?? 'agent']));
    const input = { name: name.trim(), description, memberIds, memberTiers, calendarId };
    const done = {
      onSuccess: () => {
        notifySuccess(team ? t('common.saved') : t('teams.created'));
        onClose();
      },
    };
    if (team) update.mutate({ id: team.id, ...input }, done);
    else create.mutate(input, done);
  };

  const serverFieldError = fieldError(save.error, 'name') ?? fieldError(save.error, 'memberIds');

  return (
    <Modal opened onClose={onClose} title={team ? t('teams.editTitle') : t('teams.create')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.error && !serverFieldError ? <ErrorState error={save.error} /> : null}
          <TextInput
            label={t('teams.name')}
            data-testid="team-name"
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError ?? fieldError(save.error, 'name')}
          />
          <Textarea
            label={t('teams.descriptionLabel')}
            autosize
            minRows={2}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={fieldError(save.error, 'description')}
          />
          <MultiSelect
            label={t('teams.members')}
            data-testid="team-members"
            data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={memberIds}
            onChange={setMemberIds}
            searchable
            error={fieldError(save.error, 'memberIds')}
          />
          {memberIds.length > 0 && (
            <Stack gap={6} data-testid="team-tiers">
              <Text size="sm" fw={500}>
                {t('escalation.teamTier')}
              </Text>
              <Text size="xs" c="dimmed" mt={-4}>
                {t('escalation.teamTierHint')}
              </Text>
              {memberIds.map((id) => (
                <Group key={id} justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm" truncate>
                    {members.data?.find((m) => m.id === id)?.name ?? t('common.unknown')}
                  </Text>
                  <SegmentedControl
                    size="xs"
                    value={tiers[id] ?? 'agent'}
                    onChange={(value) => setTiers({ ...tiers, [id]: value as EscalationTier })}
                    data={ESCALATION_TIERS.map((tier) => ({ value: tier, label: t(`escalation.tiers.${tier}`) }))}
                    data-testid="team-tier"
                  />
                </Group>
              ))}
            </Stack>
          )}
          <Select
            label={t('calendars.teamCalendar')}
            description={t('calendars.teamCalendarHint')}
            placeholder={t('calendars.teamCalendarPlaceholder')}
            data-testid="team-calendar"
            data={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={calendarId}
            onChange={setCalendarId}
            clearable
            error={fieldError(save.error, 'calendarId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="team-save">
              {team ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
