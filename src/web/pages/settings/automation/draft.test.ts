import { describe, expect, it } from 'vitest';
import type { AutomationRule } from '../../../../shared/contracts/automation.ts';
import { draftErrors, newAction, newRuleDraft, ruleDraft, toInput, withField, withOperator } from './draft.ts';

const rule: AutomationRule = {
  id: '00000000-0000-7000-8000-000000000001',
  name: '3日間返信なし',
  enabled: true,
  position: 1,
  trigger: { type: 'time', status: 'pending', hours: 72 },
  conditions: {
    match: 'all',
    conditions: [
      { field: 'company.plan', op: 'in', value: ['Enterprise', 'Business'] },
      { match: 'any', conditions: [{ field: 'contact.attributes.tier', op: 'eq', value: 'gold' }] },
    ],
  },
  actions: [
    { type: 'assign', teamId: '00000000-0000-7000-8000-000000000002', roundRobin: true },
    { type: 'notify', userIds: [], assignee: true, message: '確認してください' },
  ],
  createdBy: null,
  createdAt: '2026-11-24T00:00:00.000Z',
  updatedAt: '2026-11-24T00:00:00.000Z',
  lastRun: null,
};

describe('rule editor draft', () => {
  it('round-trips a rule: 72 hours shows as 3 days, nested groups and actions keep their shape', () => {
    const draft = ruleDraft(rule);
    expect(draft.trigger).toMatchObject({ kind: 'time', status: 'pending', amount: 3, unit: 'days' });
    expect(draftErrors(draft)).toEqual({});
    const { name, enabled, trigger, conditions, actions } = rule;
    expect(toInput(draft)).toEqual({ name, enabled, trigger, conditions, actions });
    expect(toInput({ ...draft, trigger: { ...draft.trigger, amount: 36, unit: 'hours' } }).trigger).toEqual({
      type: 'time',
      status: 'pending',
      hours: 36,
    });
  });

  it('names what is missing with the paths the server uses', () => {
    const draft = newRuleDraft();
    const note = newAction('add_note');
    const notify = newAction('notify');
    const errors = draftErrors({
      ...draft,
      name: ' ',
      conditions: {
        key: 'g',
        match: 'all',
        items: [
          { key: 'a', field: 'conversation.subject', op: 'contains', value: '' },
          { key: 'b', field: 'contact.attributes.', op: 'eq', value: 'x' },
          { key: 'c', field: 'conversation.tags', op: 'is_set', value: undefined },
        ],
      },
      actions: [draft.actions[0] ?? note, note, notify, newAction('assign')],
    });
    expect(errors).toEqual({
      name: 'required',
      'conditions.conditions.0.value': 'required',
      'conditions.conditions.1.field': 'required',
      'actions.0.tag': 'required',
      'actions.1.body': 'required',
      'actions.2.message': 'required',
      'actions.2.userIds': 'required',
      'actions.3.userId': 'assignNeeds',
    });
    expect(draftErrors({ ...draft, actions: [] }).actions).toBe('noActions');
    const timed = { ...draft, trigger: { ...draft.trigger, kind: 'time' as const } };
    expect(draftErrors({ ...timed, actions: [newAction('send_webhook')] })['actions.0.type']).toBe('webhookNeedsEvent');
  });

  it('keeps the value that still fits when the field or the comparison changes', () => {
    const condition = { key: 'k', field: 'conversation.priority', op: 'eq' as const, value: 'high' };
    expect(withOperator(condition, 'in')).toMatchObject({ op: 'in', value: ['high'] });
    expect(withOperator({ ...condition, op: 'in', value: ['high', 'urgent'] }, 'neq')).toMatchObject({ value: 'high' });
    expect(withOperator(condition, 'is_set')).toMatchObject({ value: undefined });
    // A number field has no "contains": the first comparison it has, and no value.
    expect(withField({ ...condition, op: 'contains' }, 'response.score')).toMatchObject({ op: 'eq', value: undefined });
    expect(withField(condition, 'conversation.tags')).toMatchObject({ op: 'contains', value: undefined });
  });
});
