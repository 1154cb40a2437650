import {
  Alert,
  Checkbox,
  Code,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority } from '../../../../shared/contracts/conversations.ts';
import { ESCALATION_TIERS, type EscalationTier } from '../../../../shared/contracts/recovery.ts';
import { SCRIPT_VARIABLES } from '../../../../shared/scripts.ts';
import type { ActionDraft } from './draft.ts';
import { tierLabel } from './labels.ts';
import { type Choices, withCurrent } from './useChoices.ts';

const VARIABLE_LABELS = {
  'contact.name': 'automation.params.vars.contact_name',
  'contact.first_name': 'automation.params.vars.contact_first_name',
  'contact.email': 'automation.params.vars.contact_email',
  'company.name': 'automation.params.vars.company_name',
  'agent.name': 'automation.params.vars.agent_name',
  'conversation.subject': 'automation.params.vars.conversation_subject',
  'workspace.name': 'automation.params.vars.workspace_name',
} as const satisfies Record<(typeof SCRIPT_VARIABLES)[number], string>;

/** The variables a note may use, as chips that insert themselves; what each stands for on hover. */
function NoteVariables({ onInsert }: { onInsert: (variable: string) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} align="center">
      <Text size="xs" c="dimmed">
        {t('automation.params.variables')}
      </Text>
      {SCRIPT_VARIABLES.map((variable) => (
        <Tooltip key={variable} label={t(VARIABLE_LABELS[variable])}>
          <UnstyledButton onClick={() => onInsert(`{{${variable}}}`)} aria-label={t(VARIABLE_LABELS[variable])}>
            <Code>{`{{${variable}}}`}</Code>
          </UnstyledButton>
        </Tooltip>
      ))}
    </Group>
  );
}

interface ActionFieldsProps {
  action: ActionDraft;
  onChange: (action: ActionDraft) => void;
  choices: Choices;
  /** The error of a parameter (`tag`, `surveyId` …), from the form or the server. */
  error: (param: string) => string | undefined;
  timeBased: boolean;
}

/** The inputs of one action, by type: pickers for members, teams, surveys and webhooks, text where text goes. */
export function ActionFields({ action, onChange, choices, error, timeBased }: ActionFieldsProps) {
  const { t } = useTranslation();
  switch (action.type) {
    case 'assign':
      return (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('automation.params.team')}
              placeholder={t('automation.params.teamNone')}
              data={withCurrent(choices.teams, action.teamId)}
              value={action.teamId}
              onChange={(teamId) => onChange({ ...action, teamId, roundRobin: teamId ? action.roundRobin : false })}
              clearable
              error={error('teamId')}
              data-testid="action-team"
            />
            <Select
              label={t('automation.params.member')}
              placeholder={t('automation.params.memberNone')}
              data={withCurrent(choices.members, action.userId)}
              value={action.roundRobin ? null : action.userId}
              onChange={(userId) => onChange({ ...action, userId })}
              disabled={action.roundRobin}
              clearable
              searchable
              error={error('userId')}
              data-testid="action-member"
            />
          </SimpleGrid>
          <Switch
            label={t('automation.params.roundRobin')}
            description={t('automation.params.roundRobinHint')}
            checked={action.roundRobin}
            disabled={!action.teamId}
            onChange={(event) => onChange({ ...action, roundRobin: event.currentTarget.checked })}
            data-testid="action-round-robin"
          />
        </Stack>
      );
    case 'add_tag':
      return (
        <TextInput
          label={t('automation.params.tag')}
          placeholder={t('automation.params.tagPlaceholder')}
          value={action.tag}
          onChange={(event) => onChange({ ...action, tag: event.currentTarget.value })}
          error={error('tag')}
          maw={320}
          data-testid="action-tag"
        />
      );
    case 'set_priority':
      return (
        <Select
          label={t('automation.params.priority')}
          data={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          value={action.priority}
          onChange={(priority) => priority && onChange({ ...action, priority: priority as Priority })}
          allowDeselect={false}
          error={error('priority')}
          maw={240}
          data-testid="action-priority"
        />
      );
    case 'escalate':
      return (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('automation.params.tier')}
              placeholder={t('automation.params.tierNext')}
              data={ESCALATION_TIERS.filter((tier) => tier !== 'agent').map((tier) => ({
                value: tier,
                label: tierLabel(tier, t),
              }))}
              value={action.tier}
              onChange={(tier) => onChange({ ...action, tier: tier as EscalationTier | null })}
              clearable
              error={error('tier')}
            />
            <Select
              label={t('automation.params.toTeam')}
              placeholder={t('automation.params.toTeamDefault')}
              data={withCurrent(choices.teams, action.toTeamId)}
              value={action.toTeamId}
              onChange={(toTeamId) => onChange({ ...action, toTeamId })}
              clearable
              error={error('toTeamId')}
            />
            <Select
              label={t('automation.params.toUser')}
              placeholder={t('automation.params.toUserDefault')}
              data={withCurrent(choices.members, action.toUserId)}
              value={action.toUserId}
              onChange={(toUserId) => onChange({ ...action, toUserId })}
              clearable
              searchable
              error={error('toUserId')}
            />
          </SimpleGrid>
          <TextInput
            label={t('automation.params.reason')}
            placeholder={t('automation.params.reasonPlaceholder')}
            value={action.reason}
            onChange={(event) => onChange({ ...action, reason: event.currentTarget.value })}
            error={error('reason')}
            required
            data-testid="action-reason"
          />
        </Stack>
      );
    case 'send_survey':
      return (
        <Stack gap={6}>
          <Select
            label={t('automation.params.survey')}
            description={t('automation.params.surveyHint')}
            data={withCurrent(choices.surveys, action.surveyId)}
            value={action.surveyId}
            onChange={(surveyId) => onChange({ ...action, surveyId })}
            error={error('surveyId')}
            maw={420}
            data-testid="action-survey"
          />
          {choices.surveys.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('automation.params.noSurveys')}
            </Text>
          )}
        </Stack>
      );
    case 'open_recovery_case':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('automation.params.caseReason')}
            placeholder={t('automation.params.caseReasonPlaceholder')}
            value={action.reason}
            onChange={(event) => onChange({ ...action, reason: event.currentTarget.value })}
            error={error('reason')}
          />
          <Select
            label={t('automation.params.owner')}
            placeholder={t('automation.params.ownerDefault')}
            data={withCurrent(choices.members, action.ownerId)}
            value={action.ownerId}
            onChange={(ownerId) => onChange({ ...action, ownerId })}
            clearable
            searchable
            error={error('ownerId')}
          />
        </SimpleGrid>
      );
    case 'add_note':
      return (
        <Stack gap={6}>
          <Textarea
            label={t('automation.params.note')}
            description={t('automation.params.noteHint')}
            placeholder={t('automation.params.notePlaceholder')}
            value={action.body}
            onChange={(event) => onChange({ ...action, body: event.currentTarget.value })}
            error={error('body')}
            autosize
            minRows={3}
            data-testid="action-note"
          />
          <NoteVariables onInsert={(variable) => onChange({ ...action, body: `${action.body}${variable}` })} />
        </Stack>
      );
    case 'notify':
      return (
        <Stack gap="xs">
          <MultiSelect
            label={t('automation.params.notifyUsers')}
            data={withCurrent(choices.members, ...action.userIds)}
            value={action.userIds}
            onChange={(userIds) => onChange({ ...action, userIds })}
            searchable
            error={error('userIds')}
            data-testid="action-notify-users"
          />
          <Checkbox
            label={t('automation.params.notifyAssignee')}
            checked={action.assignee}
            onChange={(event) => onChange({ ...action, assignee: event.currentTarget.checked })}
          />
          <TextInput
            label={t('automation.params.message')}
            placeholder={t('automation.params.messagePlaceholder')}
            value={action.message}
            onChange={(event) => onChange({ ...action, message: event.currentTarget.value })}
            error={error('message')}
            required
            data-testid="action-message"
          />
        </Stack>
      );
    case 'send_webhook':
      if (timeBased)
        return (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('automation.params.webhookNeedsEvent')}
          </Alert>
        );
      if (choices.webhooks === null)
        return (
          <Text size="sm" c="dimmed">
            {t('settings.noPermission')}
          </Text>
        );
      return (
        <Stack gap={6}>
          <Select
            label={t('automation.params.endpoint')}
            data={withCurrent(choices.webhooks, action.endpointId)}
            value={action.endpointId}
            onChange={(endpointId) => onChange({ ...action, endpointId })}
            error={error('endpointId')}
            maw={480}
            data-testid="action-endpoint"
          />
          {choices.webhooks.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('automation.params.noEndpoints')}
            </Text>
          )}
        </Stack>
      );
  }
}
