import { describe, expect, test } from 'vitest';
import { mentionedMemberIds } from './mentions.ts';

const members = [
  { id: 'billing-ja', name: '請求 担当', email: 'billing@example.com' },
  { id: 'shipping-ja', name: '配送 担当', email: 'shipping@example.com' },
  { id: 'desk', name: 'Billing Desk', email: 'billing.desk@example.org' },
  { id: 'billing', name: 'Billing', email: 'billing-team@example.org' },
  { id: 'night1', name: 'Night Shift', email: 'night.one@example.net' },
  { id: 'night2', name: 'Night Shift', email: 'night.two@example.net' },
];

const mentioned = (text: string) => mentionedMemberIds(text, members);

describe('@mentions in notes', () => {
  test('by email address, in any case', () => {
    expect(mentioned('@billing@example.com please check')).toEqual(['billing-ja']);
    expect(mentioned('cc @Billing.Desk@Example.org.')).toEqual(['desk']);
  });

  test('by display name with or without its spaces, Japanese text following directly', () => {
    expect(mentioned('@請求担当さん、確認お願いします')).toEqual(['billing-ja']);
    expect(mentioned('@配送 担当 さんへ')).toEqual(['shipping-ja']);
    expect(mentioned('確認@請求担当')).toEqual(['billing-ja']);
    expect(mentioned('@BillingDesk and @billing')).toEqual(['desk', 'billing']);
  });

  test('the longest name wins and a Latin name must end where the word ends', () => {
    expect(mentioned('@Billing Desk, see above')).toEqual(['desk']);
    expect(mentioned('@Billing, see above')).toEqual(['billing']);
    expect(mentioned('@Billings')).toEqual([]);
    expect(mentioned('@billing@example.company')).toEqual([]);
  });

  test('an email address in the text, a bare @ or an ambiguous name mentions nobody', () => {
    expect(mentioned('write to billing@example.com')).toEqual([]);
    expect(mentioned('meet @ 3pm')).toEqual([]);
    // Two members are called Night Shift: only their addresses tell them apart.
    expect(mentioned('@NightShift')).toEqual([]);
    expect(mentioned('@night.two@example.net')).toEqual(['night2']);
  });

  test('each person once, in order of first mention', () => {
    expect(mentioned('@shipping@example.com @請求担当 @配送担当')).toEqual(['shipping-ja', 'billing-ja']);
  });
});
