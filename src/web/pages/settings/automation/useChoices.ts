import { useTranslation } from 'react-i18next';
import { automationField } from '../../../../shared/contracts/automation.ts';
import { useSession } from '../../../api/session.ts';
import { useSurveys } from '../../../api/surveys.ts';
import { useWebhooks } from '../../../api/webhooks.ts';
import { useMembers, useTeams } from '../../../api/workspace.ts';
import { canAdminister } from '../../../lib/permissions.ts';
import { enumOptions } from './labels.ts';

export interface Option {
  value: string;
  label: string;
}

export interface Choices {
  members: Option[];
  teams: Option[];
  /** Active surveys (the ones a rule can send); `allSurveys` for conditions on answers. */
  surveys: Option[];
  allSurveys: Option[];
  /** Null when the member may not list webhooks (admins only). */
  webhooks: Option[] | null;
  memberName(id: string): string | undefined;
  /** A condition's value as people read it: a member's or team's name, a translated status … */
  valueName(field: string, value: string): string;
}

/** The members, teams, surveys and webhooks the editor's pickers offer, loaded once and shared. */
export function useChoices(): Choices {
  const { t } = useTranslation();
  const me = useSession();
  const members = useMembers();
  const teams = useTeams();
  const surveys = useSurveys();
  const admin = canAdminister(me.role);
  const webhooks = useWebhooks(admin);
  const byName = (a: Option, b: Option) => a.label.localeCompare(b.label);
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.id, label: m.name || m.email })).sort(byName);
  const teamOptions = (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }));
  const surveyOptions = (surveys.data ?? []).map((survey) => ({ value: survey.id, label: survey.name }));
  const find = (options: Option[], value: string) => options.find((o) => o.value === value)?.label ?? value;
  return {
    members: memberOptions,
    teams: teamOptions,
    surveys: (surveys.data ?? [])
      .filter((survey) => survey.status === 'active')
      .map((survey) => ({ value: survey.id, label: survey.name })),
    allSurveys: surveyOptions,
    webhooks: admin
      ? (webhooks.data ?? []).map((webhook) => ({ value: webhook.id, label: webhook.description || webhook.url }))
      : null,
    memberName: (id) => memberOptions.find((m) => m.value === id)?.label,
    valueName: (field, value) => {
      switch (automationField(field)?.type) {
        case 'user':
          return find(memberOptions, value);
        case 'team':
          return find(teamOptions, value);
        case 'survey':
          return find(surveyOptions, value);
        default:
          return find(enumOptions(field, t) ?? [], value);
      }
    },
  };
}

/** A chosen id the list no longer has (a deleted team) stays selectable, shown as the id, so nothing changes silently. */
export function withCurrent(options: Option[], ...ids: (string | null | undefined)[]): Option[] {
  const missing = ids.filter((id): id is string => Boolean(id) && !options.some((o) => o.value === id));
  return [...options, ...missing.map((id) => ({ value: id, label: id }))];
}
