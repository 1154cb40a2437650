import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/contracts/conversations.ts';
import { ESCALATION_TIERS, type EscalationTier } from '../../../shared/contracts/recovery.ts';
import { useEscalate, useEscalations } from '../../api/recovery.ts';
import { useMembers, useTeams } from '../../api/workspace.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldError } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { useLocale } from '../../lib/useLocale.ts';

const rank = (tier: EscalationTier) => ESCALATION_TIERS.indexOf(tier);
const nextTier = (tier: EscalationTier): EscalationTier => ESCALATION_TIERS[Math.min(rank(tier) + 1, 2)] ?? 'manager';

/** Escalate to a team or a person with a reason; the path so far is shown under the form. */
export function EscalateDialog({ conversation, onClose }: { conversation: Conversation; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const teams = useTeams();
  const members = useMembers();
  const path = useEscalations(conversation.id);
  const escalate = useEscalate(conversation.id);
  const current = conversation.escalationTier;
  const [tier, setTier] = useState<EscalationTier>(nextTier(current));
  const [toTeamId, setToTeamId] = useState<string | null>(null);
  const [toUserId, setToUserId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    escalate.mutate(
      { reason: reason.trim(), tier, ...(toTeamId ? { toTeamId } : {}), ...(toUserId ? { toUserId } : {}) },
      {
        onSuccess: ({ escalation }) => {
          notifySuccess(t('escalation.done', { tier: t(`escalation.tiers.${escalation.toTier}`) }));
          onClose();
        },
      },
    );
  };

  const fieldErrors = ['reason', 'tier', 'toTeamId', 'toUserId'].some((f) => fieldError(escalate.error, f));
  return (
    <Modal opened onClose={onClose} title={t('escalation.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('escalation.hint', { tier: t(`escalation.tiers.${current}`) })}
          </Text>
          {escalate.error && !fieldErrors ? <ErrorState error={escalate.error} /> : null}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('escalation.tier')}
            </Text>
            <SegmentedControl
              value={tier}
              onChange={(value) => setTier(value as EscalationTier)}
              data={ESCALATION_TIERS.map((value) => ({
                value,
                label: t(`escalation.tiers.${value}`),
                disabled: rank(value) < rank(current),
              }))}
              data-testid="escalate-tier"
            />
            {fieldError(escalate.error, 'tier') && (
              <Text size="xs" c="red">
                {fieldError(escalate.error, 'tier')}
              </Text>
            )}
          </Stack>
          <Select
            label={t('escalation.team')}
            placeholder={t('escalation.teamDefault')}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={toTeamId}
            onChange={setToTeamId}
            clearable
            error={fieldError(escalate.error, 'toTeamId')}
          />
          <Select
            label={t('escalation.person')}
            placeholder={t('escalation.personDefault')}
            data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={toUserId}
            onChange={setToUserId}
            clearable
            searchable
            error={fieldError(escalate.error, 'toUserId')}
          />
          <Textarea
            label={t('escalation.reason')}
            placeholder={t('escalation.reasonPlaceholder')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('common.required') : fieldError(escalate.error, 'reason')}
            data-testid="escalate-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={escalate.isPending} data-testid="escalate-submit">
              {t('escalation.submit')}
            </Button>
          </Group>
          {path.data && path.data.length > 0 && (
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('escalation.path')}
              </Text>
              <Timeline bulletSize={10} lineWidth={2}>
                {path.data.map((step) => (
                  <Timeline.Item
                    key={step.id}
                    title={
                      <Text size="sm">
                        {t('escalation.pathItem', {
                          from: t(`escalation.tiers.${step.fromTier}`),
                          to: `${t(`escalation.tiers.${step.toTier}`)}${step.toUser ? ` (${step.toUser.name})` : ''}`,
                        })}
                      </Text>
                    }
                  >
                    <Text size="xs" className="koe-text">
                      {step.reason}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[step.actor?.name, formatDateTime(step.createdAt, locale)].filter(Boolean).join(' · ')}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
