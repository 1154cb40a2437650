import { describe, expect, test } from 'vitest';
import { conditionsHold, type MatchablePolicy, type SlaSubject, selectPolicy } from './matching.ts';

const subject: SlaSubject = {
  priority: 'normal',
  channel: 'email',
  tags: ['billing'],
  companyPlan: 'Enterprise',
  companyTier: null,
};
const policy = (id: string, position: number, extra: Partial<MatchablePolicy> = {}): MatchablePolicy => ({
  id,
  position,
  enabled: true,
  isDefault: false,
  conditions: {},
  ...extra,
});

describe('SLA policy matching', () => {
  test('every listed field must hold, each as "any of", text without case', () => {
    expect(conditionsHold({}, subject)).toBe(true);
    expect(conditionsHold({ priority: [], tags: [] }, subject)).toBe(true);
    expect(conditionsHold({ channel: ['chat', 'email'] }, subject)).toBe(true);
    expect(conditionsHold({ channel: ['chat'] }, subject)).toBe(false);
    expect(conditionsHold({ companyPlan: ['enterprise'], tags: ['VIP', 'Billing'] }, subject)).toBe(true);
    expect(conditionsHold({ companyPlan: ['enterprise'], priority: ['urgent'] }, subject)).toBe(false);
    // No company tier: a tier condition does not hold.
    expect(conditionsHold({ companyTier: ['gold'] }, subject)).toBe(false);
  });

  test('position order, first match wins, disabled skipped, the default last', () => {
    const policies = [
      policy('default', 0, { isDefault: true }),
      policy('chat', 1, { conditions: { channel: ['chat'] } }),
      policy('billing', 3, { conditions: { tags: ['billing'] } }),
      policy('enterprise', 2, { conditions: { companyPlan: ['enterprise'] } }),
      policy('off', 0, { enabled: false }),
    ];
    expect(selectPolicy(policies, subject)?.id).toBe('enterprise');
    expect(selectPolicy(policies, { ...subject, companyPlan: null })?.id).toBe('billing');
    expect(selectPolicy(policies, { ...subject, companyPlan: null, tags: [] })?.id).toBe('default');
    expect(selectPolicy(policies.slice(1, 2), subject)).toBeNull();
    expect(selectPolicy([policy('d', 0, { isDefault: true, enabled: false })], subject)).toBeNull();
  });
});
