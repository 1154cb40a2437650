import type { LifecycleStage } from '../../shared/contracts/customers.ts';
import { addMs, DAY, startOfTokyoDay } from './clock.ts';
import { COMPANIES, type DemoCompany, PERSONAL_DOMAINS, PLAN_REVENUE } from './data/companies.ts';
import { EN_FIRST_NAMES, EN_LAST_NAMES, EN_TITLES, JA_FAMILY_NAMES, JA_GIVEN_NAMES, JA_TITLES } from './data/people.ts';
import type { Language } from './data/phrases.ts';
import type { Random } from './random.ts';

export interface PlannedCompany extends DemoCompany {
  revenue: number;
  lifecycleStage: LifecycleStage;
}

export interface PlannedContact {
  name: string;
  /** How a message addresses them: the family name in Japanese, the first name in English. */
  addressAs: string;
  email: string;
  phone: string | null;
  language: Language;
  timeZone: string;
  /** Index into the planned companies, or null for a customer without a company account. */
  company: number | null;
  title: string | null;
  createdAt: Date;
  /** How often this customer gets in touch, relative to others. */
  activity: number;
}

const JAPANESE_SHARE = 0.7;
const PERSONAL_SHARE = 0.22;

export function planCompanies(random: Random): PlannedCompany[] {
  return COMPANIES.map((company) => {
    const [low, high] = PLAN_REVENUE[company.plan];
    const revenue = Math.round((low + random.next() * (high - low)) / 10_000) * 10_000;
    const lifecycleStage: LifecycleStage = company.churned ? 'churned' : company.plan === 'Free' ? 'trial' : 'customer';
    return { ...company, revenue, lifecycleStage };
  });
}

/** A fictional but plausible phone number (the US and UK ones are in the ranges reserved for fiction). */
function phoneFor(random: Random, timeZone: string): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  if (timeZone === 'Asia/Tokyo') {
    return random.chance(0.6)
      ? `+81 ${random.pick(['90', '80', '70'])}-${digits(4)}-${digits(4)}`
      : `+81 3-${digits(4)}-${digits(4)}`;
  }
  if (timeZone === 'Europe/London') return `+44 20 7946 0${digits(3)}`;
  if (timeZone === 'America/Los_Angeles' || timeZone === 'America/New_York')
    return `+1 ${random.pick(['415', '212', '206', '617'])} 555 01${digits(2)}`;
  return `+${timeZone === 'Asia/Singapore' ? '65 6' : '61 2 9'}${digits(3)} ${digits(4)}`;
}

function personName(random: Random, language: Language): { name: string; addressAs: string; local: string } {
  if (language === 'ja') {
    const [family, familyRoman] = random.pick(JA_FAMILY_NAMES);
    const [given, givenRoman] = random.pick(JA_GIVEN_NAMES);
    const local = random.pick([
      `${givenRoman}.${familyRoman}`,
      `${familyRoman}`,
      `${givenRoman[0]}.${familyRoman}`,
      `${familyRoman}-${givenRoman}`,
    ]);
    return { name: `${family} ${given}`, addressAs: family, local };
  }
  const first = random.pick(EN_FIRST_NAMES);
  const last = random.pick(EN_LAST_NAMES);
  const local = random.pick([`${first}.${last}`, `${first}`, `${first[0]}${last}`]).toLowerCase();
  return { name: `${first} ${last}`, addressAs: first, local };
}

/**
 * Customers: about 70 % Japanese, 30 % English-speaking; most work at one of
 * the companies (bigger companies have more contacts), some write privately.
 */
export function planContacts(
  random: Random,
  companies: PlannedCompany[],
  count: number,
  windowStart: Date,
): PlannedContact[] {
  const byLanguage = (language: Language) =>
    companies.flatMap((company, index) =>
      company.language === language ? [[index, Math.sqrt(company.employees)] as const] : [],
    );
  const weights = { ja: byLanguage('ja'), en: byLanguage('en') };
  const taken = new Set<string>();
  const phones = new Set<string>();
  const uniquePhone = (timeZone: string) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const phone = phoneFor(random, timeZone);
      if (!phones.has(phone)) {
        phones.add(phone);
        return phone;
      }
    }
    return null;
  };
  const contacts: PlannedContact[] = [];
  for (let i = 0; i < count; i++) {
    // Exactly the intended share, spread evenly (a coin per contact drifts by several points).
    const language: Language = Math.floor((i + 1) * JAPANESE_SHARE) > Math.floor(i * JAPANESE_SHARE) ? 'ja' : 'en';
    const company = random.chance(PERSONAL_SHARE) ? null : random.weighted(weights[language]);
    const person = personName(random, language);
    const planned = company === null ? null : companies[company];
    const domain = planned?.domain ?? random.pick(PERSONAL_DOMAINS[language]);
    let email = `${person.local}@${domain}`;
    for (let n = 2; taken.has(email); n++) email = `${person.local}${n}@${domain}`;
    taken.add(email);
    const timeZone =
      planned?.timeZone ??
      (language === 'ja'
        ? 'Asia/Tokyo'
        : random.pick(['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney']));
    const enterprise = planned?.plan === 'Enterprise';
    contacts.push({
      name: person.name,
      addressAs: person.addressAs,
      email,
      phone: random.chance(0.55) ? uniquePhone(timeZone) : null,
      language,
      timeZone,
      company,
      title: planned ? random.pick(language === 'ja' ? JA_TITLES : EN_TITLES) : null,
      // Customers were there before the period the demo shows.
      createdAt: addMs(startOfTokyoDay(windowStart), -random.int(1, 540) * DAY + random.int(9, 18) * 3_600_000),
      activity: random.around(1, 0.7) * (enterprise ? 1.6 : 1) * (planned?.churned ? 0.4 : 1),
    });
  }
  // Keep the conversation mix at the intended share too: scale each language's activity to its share of people.
  const total = contacts.reduce((sum, c) => sum + c.activity, 0);
  const japanese = contacts.reduce((sum, c) => sum + (c.language === 'ja' ? c.activity : 0), 0);
  for (const c of contacts) {
    c.activity *=
      c.language === 'ja' ? (JAPANESE_SHARE * total) / japanese : ((1 - JAPANESE_SHARE) * total) / (total - japanese);
  }
  return contacts;
}

/** Scales the number of customers with the number of conversations, within 150–300. */
export const contactCountFor = (conversations: number) => Math.min(300, Math.max(150, Math.round(conversations * 0.9)));
