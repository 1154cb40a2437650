import { describe, expect, test } from 'vitest';
import type { AutomationCondition, AutomationConditionGroup } from '../../../shared/contracts/automation.ts';
import { evaluateCondition, evaluateGroup } from './conditions.ts';

const values: Record<string, unknown> = {
  'conversation.priority': 'high',
  'conversation.subject': '【至急】ログインできません',
  'conversation.tags': ['VIP', '請求'],
  'conversation.reopenCount': 2,
  'conversation.assigneeId': null,
  'contact.name': 'ﾔﾏﾀﾞ ﾀﾛｳ',
  'company.plan': 'Enterprise',
  'company.revenue': 1_200_000,
  'response.score': 2,
  'response.comment': '返信が遅くて困りました。ＳＵＰＰＯＲＴの対応は丁寧でした',
  'contact.attributes.seats': '25',
};
const lookup = (field: string) => values[field];
const holds = (field: string, op: AutomationCondition['op'], value?: AutomationCondition['value']) =>
  evaluateCondition({ field, op, ...(value === undefined ? {} : { value }) }, lookup(field));

describe('condition operators', () => {
  test('eq / neq compare text case- and width-insensitively, numbers numerically', () => {
    expect(holds('conversation.priority', 'eq', 'high')).toBe(true);
    expect(holds('conversation.priority', 'eq', 'HIGH')).toBe(true);
    expect(holds('conversation.priority', 'eq', 'urgent')).toBe(false);
    expect(holds('conversation.priority', 'neq', 'urgent')).toBe(true);
    expect(holds('company.plan', 'eq', 'enterprise')).toBe(true);
    expect(holds('conversation.reopenCount', 'eq', 2)).toBe(true);
    expect(holds('conversation.reopenCount', 'eq', '2')).toBe(true);
    expect(holds('conversation.reopenCount', 'neq', 3)).toBe(true);
    // A custom attribute stored as text compares with a number.
    expect(holds('contact.attributes.seats', 'eq', 25)).toBe(true);
  });

  test('eq / neq on a list: has / lacks the element', () => {
    expect(holds('conversation.tags', 'eq', 'vip')).toBe(true);
    expect(holds('conversation.tags', 'neq', 'vip')).toBe(false);
    expect(holds('conversation.tags', 'neq', 'spam')).toBe(true);
  });

  test('in / not_in: one of the values; on a list, any shared element', () => {
    expect(holds('conversation.priority', 'in', ['high', 'urgent'])).toBe(true);
    expect(holds('conversation.priority', 'in', ['low', 'normal'])).toBe(false);
    expect(holds('conversation.priority', 'not_in', ['low', 'normal'])).toBe(true);
    expect(holds('conversation.tags', 'in', ['請求', 'refund'])).toBe(true);
    expect(holds('conversation.tags', 'not_in', ['refund', 'spam'])).toBe(true);
    expect(holds('conversation.tags', 'not_in', ['vip'])).toBe(false);
  });

  test('contains / not_contains: text holds the value (Japanese, any width or case); a list has the element', () => {
    expect(holds('conversation.subject', 'contains', '至急')).toBe(true);
    expect(holds('conversation.subject', 'contains', 'ログイン')).toBe(true);
    expect(holds('conversation.subject', 'contains', 'パスワード')).toBe(false);
    expect(holds('conversation.subject', 'not_contains', 'パスワード')).toBe(true);
    expect(holds('response.comment', 'contains', '遅くて')).toBe(true);
    // Full-width Latin in the text, half-width and lower case in the condition.
    expect(holds('response.comment', 'contains', 'support')).toBe(true);
    // Half-width katakana in the text, full-width in the condition.
    expect(holds('contact.name', 'contains', 'ヤマダ')).toBe(true);
    expect(holds('conversation.tags', 'contains', 'vip')).toBe(true);
    expect(holds('conversation.tags', 'contains', 'vi')).toBe(false);
    expect(holds('conversation.tags', 'not_contains', 'spam')).toBe(true);
  });

  test('gt / gte / lt / lte compare numbers; a missing value never matches', () => {
    expect(holds('response.score', 'lte', 2)).toBe(true);
    expect(holds('response.score', 'lt', 2)).toBe(false);
    expect(holds('response.score', 'gte', 2)).toBe(true);
    expect(holds('response.score', 'gt', 1)).toBe(true);
    expect(holds('company.revenue', 'gt', 1_000_000)).toBe(true);
    expect(holds('contact.attributes.seats', 'gte', 20)).toBe(true);
    expect(holds('conversation.subject', 'gt', 1)).toBe(false);
    expect(holds('missing.field', 'lt', 100)).toBe(false);
    expect(holds('missing.field', 'gte', 0)).toBe(false);
  });

  test('is_set / is_not_set: empty text, empty lists and null count as not set', () => {
    expect(holds('conversation.assigneeId', 'is_set')).toBe(false);
    expect(holds('conversation.assigneeId', 'is_not_set')).toBe(true);
    expect(holds('conversation.tags', 'is_set')).toBe(true);
    expect(evaluateCondition({ field: 'x', op: 'is_set' }, '')).toBe(false);
    expect(evaluateCondition({ field: 'x', op: 'is_set' }, [])).toBe(false);
    expect(evaluateCondition({ field: 'x', op: 'is_not_set' }, undefined)).toBe(true);
  });

  test('a missing value matches only the negative operators', () => {
    expect(holds('missing.field', 'eq', 'x')).toBe(false);
    expect(holds('missing.field', 'in', ['x'])).toBe(false);
    expect(holds('missing.field', 'contains', 'x')).toBe(false);
    expect(holds('missing.field', 'neq', 'x')).toBe(true);
    expect(holds('missing.field', 'not_in', ['x'])).toBe(true);
    expect(holds('missing.field', 'not_contains', 'x')).toBe(true);
  });
});

describe('AND / OR groups', () => {
  const c = (field: string, op: AutomationCondition['op'], value?: AutomationCondition['value']) => ({
    field,
    op,
    ...(value === undefined ? {} : { value }),
  });
  const TRUE = c('conversation.priority', 'eq', 'high');
  const FALSE = c('conversation.priority', 'eq', 'low');

  test('all = AND, any = OR; an empty group matches', () => {
    expect(evaluateGroup({ match: 'all', conditions: [TRUE, TRUE] }, lookup)).toBe(true);
    expect(evaluateGroup({ match: 'all', conditions: [TRUE, FALSE] }, lookup)).toBe(false);
    expect(evaluateGroup({ match: 'any', conditions: [FALSE, TRUE] }, lookup)).toBe(true);
    expect(evaluateGroup({ match: 'any', conditions: [FALSE, FALSE] }, lookup)).toBe(false);
    expect(evaluateGroup({ match: 'all', conditions: [] }, lookup)).toBe(true);
    expect(evaluateGroup({ match: 'any', conditions: [] }, lookup)).toBe(true);
  });

  test('nested: an unhappy answer (score ≤ 2 or a complaint in the comment) from an enterprise customer', () => {
    const rule = (plan: string): AutomationConditionGroup => ({
      match: 'all',
      conditions: [
        c('company.plan', 'eq', plan),
        {
          match: 'any',
          conditions: [
            c('response.score', 'lte', 2),
            { match: 'all', conditions: [c('response.comment', 'contains', '解約'), c('response.score', 'lte', 3)] },
          ],
        },
      ],
    });
    expect(evaluateGroup(rule('Enterprise'), lookup)).toBe(true);
    expect(evaluateGroup(rule('Starter'), lookup)).toBe(false);
    const happier: Record<string, unknown> = {
      ...values,
      'response.score': 3,
      'response.comment': '解約を検討しています',
    };
    expect(evaluateGroup(rule('Enterprise'), (f) => happier[f])).toBe(true);
    const happy: Record<string, unknown> = { ...values, 'response.score': 3, 'response.comment': 'ありがとう' };
    expect(evaluateGroup(rule('Enterprise'), (f) => happy[f])).toBe(false);
    // any(all(false…), true) and all(any(false, false)) at three levels.
    const deep: AutomationConditionGroup = {
      match: 'any',
      conditions: [{ match: 'all', conditions: [FALSE, { match: 'any', conditions: [TRUE] }] }, TRUE],
    };
    expect(evaluateGroup(deep, lookup)).toBe(true);
    expect(evaluateGroup({ match: 'all', conditions: [{ match: 'any', conditions: [FALSE, FALSE] }] }, lookup)).toBe(
      false,
    );
  });
});
