import { DAY } from './clock.ts';
import type { Plan } from './data/companies.ts';
import { APPS, ARTICLES, BROWSERS, DEVICES, FEATURES, type Language, MONTHS_EN } from './data/phrases.ts';
import type { ScenarioKey } from './data/scenarios.ts';
import type { Random } from './random.ts';

export type Variables = Record<string, string>;

const NEXT_PLAN: Record<Plan, Plan> = {
  Free: 'Standard',
  Standard: 'Pro',
  Pro: 'Enterprise',
  Enterprise: 'Enterprise',
};
const API_LIMIT: Record<Plan, number> = { Free: 60, Standard: 300, Pro: 1200, Enterprise: 6000 };
const TOKYO = 9 * 3_600_000;

function monthDay(at: Date, language: Language): { month: string; date: string } {
  const local = new Date(at.getTime() + TOKYO);
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  return language === 'ja'
    ? { month: `${m + 1}月`, date: `${m + 1}月${d}日` }
    : { month: MONTHS_EN[m] ?? '', date: `${MONTHS_EN[m]} ${d}` };
}

export interface VariableInput {
  language: Language;
  scenario: ScenarioKey;
  createdAt: Date;
  contact: { name: string; addressAs: string };
  company: { name: string; plan: Plan } | null;
}

/** The details a conversation talks about: its invoice number, the browser, the app… all drawn from its own stream. */
export function conversationVariables(random: Random, input: VariableInput): Variables {
  const { language, company } = input;
  const plan = company?.plan ?? 'Free';
  const previousMonth = new Date(input.createdAt.getTime() - random.int(15, 40) * DAY);
  const recent = new Date(input.createdAt.getTime() - random.int(1, 6) * DAY);
  const ym = new Date(previousMonth.getTime() + TOKYO);
  const yyyymm = `${ym.getUTCFullYear()}${String(ym.getUTCMonth() + 1).padStart(2, '0')}`;
  const { name, addressAs } = input.contact;
  const from = company ? (language === 'ja' ? `${company.name}の${addressAs}` : `${name} from ${company.name}`) : name;
  return {
    name,
    first: addressAs,
    from,
    company: company?.name ?? name,
    month: monthDay(previousMonth, language).month,
    date: monthDay(recent, language).date,
    invoice: `INV-${yyyymm}-${String(random.int(1, 9999)).padStart(4, '0')}`,
    order: `#${random.int(10_000, 99_999)}`,
    plan,
    nextPlan: NEXT_PLAN[plan],
    limit: String(API_LIMIT[plan]),
    count: String(random.int(3, 40)),
    ticket: `KOE-${random.int(1200, 4800)}`,
    error: `E${random.int(1000, 9999)}`,
    browser: random.pick(BROWSERS),
    app: random.pick(APPS[language]),
    device: random.pick(DEVICES[language]),
    feature: random.pick(FEATURES[language]),
    article: ARTICLES[input.scenario][language],
  };
}

/** Fills `{name}`-style placeholders; unknown ones stay visible. */
export function fill(template: string, variables: Variables): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (match, key: string) => variables[key] ?? match);
}
