import {
  type AutomationActionInput,
  type AutomationCondition,
  type AutomationConditionGroup,
  type AutomationTrigger,
  automationField,
  fieldGroupsFor,
  OPERATORS_BY_TYPE,
} from '../../../shared/contracts/automation.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest } from '../../http/problem.ts';
import { isUuid } from '../../lib/id.ts';
import { getSurveyRecord } from '../surveys/service.ts';
import { getEndpointRow } from '../webhooks/endpoints.ts';
import { memberExists } from '../workspaces/service.ts';
import { teamExists } from '../workspaces/teams.ts';

const MAX_DEPTH = 4;
const MAX_CONDITIONS = 100;

function checkValue(path: string, condition: AutomationCondition, values: readonly string[] | undefined, type: string) {
  const { op, value } = condition;
  const at = `${path}.value`;
  if (op === 'is_set' || op === 'is_not_set') {
    if (value !== undefined) throw badRequest(at, `must be left out for ${op}`);
    return;
  }
  if (value === undefined) throw badRequest(at, `is required for ${op}`);
  if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') {
    if (typeof value !== 'number') throw badRequest(at, `must be a number for ${op}`);
    return;
  }
  const items = op === 'in' || op === 'not_in' ? value : [value];
  if (!Array.isArray(items) || items.length === 0) throw badRequest(at, `must be a non-empty list for ${op}`);
  if (op !== 'in' && op !== 'not_in' && Array.isArray(value)) throw badRequest(at, `must be a single value for ${op}`);
  items.forEach((item, index) => {
    const itemPath = Array.isArray(value) ? `${at}.${index}` : at;
    if (typeof item === 'boolean') throw badRequest(itemPath, 'must be text or a number');
    if (type === 'number' && typeof item !== 'number') throw badRequest(itemPath, 'must be a number');
    if (type !== 'number' && typeof item === 'string' && item.trim() === '') throw badRequest(itemPath, 'is empty');
    if (values && !values.includes(String(item)))
      throw badRequest(itemPath, `must be one of ${values.map((v) => `"${v}"`).join(', ')}`);
    if ((type === 'user' || type === 'team' || type === 'survey') && !isUuid(String(item)))
      throw badRequest(itemPath, `must be the id of a ${type}`);
  });
}

/**
 * Checks an AND/OR tree against the trigger: every field is known and available for the
 * trigger, every operator fits its field, every value fits its operator. A 400 names the
 * first offending part, e.g. `body.conditions.conditions.1.conditions.0.op`.
 */
export function validateConditions(trigger: AutomationTrigger, group: AutomationConditionGroup, path: string): void {
  const groups = fieldGroupsFor(trigger);
  let count = 0;
  const walk = (node: AutomationConditionGroup, at: string, depth: number) => {
    if (depth > MAX_DEPTH) throw badRequest(at, `groups may be nested at most ${MAX_DEPTH} deep`);
    for (const [index, item] of node.conditions.entries()) {
      const itemPath = `${at}.conditions.${index}`;
      if ('match' in item) {
        walk(item, itemPath, depth + 1);
        continue;
      }
      count += 1;
      if (count > MAX_CONDITIONS) throw badRequest(itemPath, `a rule may test at most ${MAX_CONDITIONS} conditions`);
      const spec = automationField(item.field);
      if (!spec) throw badRequest(`${itemPath}.field`, `"${item.field}" is not a field rules can test`);
      if (!groups.includes(spec.group)) {
        const when = trigger.type === 'time' ? 'time-based rules' : `the trigger ${trigger.event}`;
        throw badRequest(`${itemPath}.field`, `"${item.field}" is not available for ${when}`);
      }
      if (!OPERATORS_BY_TYPE[spec.type].includes(item.op))
        throw badRequest(`${itemPath}.op`, `"${item.op}" does not apply to ${item.field}`);
      checkValue(itemPath, item, spec.values, spec.type);
    }
  };
  walk(group, path, 1);
}

/** Every member, team, survey and webhook endpoint an action names belongs to the workspace; the action fits the trigger. */
export async function validateActions(
  tx: Tx,
  workspaceId: string,
  trigger: AutomationTrigger,
  actions: AutomationActionInput[],
  path: string,
): Promise<void> {
  const member = async (id: string | undefined, at: string) => {
    if (id && !(await memberExists(tx, workspaceId, id))) throw badRequest(at, 'is not a member of this workspace');
  };
  const team = async (id: string | undefined, at: string) => {
    if (id && !(await teamExists(tx, workspaceId, id))) throw badRequest(at, 'is not a team of this workspace');
  };
  for (const [index, action] of actions.entries()) {
    const at = `${path}.${index}`;
    switch (action.type) {
      case 'assign':
        await member(action.userId, `${at}.userId`);
        await team(action.teamId, `${at}.teamId`);
        break;
      case 'escalate':
        await member(action.toUserId, `${at}.toUserId`);
        await team(action.toTeamId, `${at}.toTeamId`);
        break;
      case 'open_recovery_case':
        await member(action.ownerId, `${at}.ownerId`);
        break;
      case 'notify':
        for (const [n, userId] of action.userIds.entries()) await member(userId, `${at}.userIds.${n}`);
        break;
      case 'send_survey': {
        const survey = await getSurveyRecord(tx, workspaceId, action.surveyId).catch(() => null);
        if (!survey) throw badRequest(`${at}.surveyId`, 'is not a survey of this workspace');
        if (survey.row.status === 'archived') throw badRequest(`${at}.surveyId`, 'is archived');
        break;
      }
      case 'send_webhook':
        if (trigger.type === 'time')
          throw badRequest(`${at}.type`, 'needs an event trigger: time-based rules have no event to send');
        if (!(await getEndpointRow(tx, workspaceId, action.endpointId).catch(() => null)))
          throw badRequest(`${at}.endpointId`, 'is not a webhook endpoint of this workspace');
        break;
      default:
        break;
    }
  }
}
