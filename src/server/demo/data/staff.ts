import type { Role } from '../../../shared/contracts/common.ts';

export type TeamKey = 'tier1' | 'technical' | 'billing';

export interface DemoTeam {
  key: TeamKey;
  name: string;
  description: string;
}

export const TEAMS: readonly DemoTeam[] = [
  {
    key: 'tier1',
    name: 'サポート一次対応 / Tier 1',
    description: '一次受付、アカウント・ログイン、よくあるご質問 / First line: accounts, logins, how-to questions',
  },
  {
    key: 'technical',
    name: '技術サポート / Technical',
    description: '不具合調査、API・連携、エスカレーション対応 / Bugs, API and integrations, escalations',
  },
  {
    key: 'billing',
    name: '請求・契約 / Billing',
    description: '請求書、お支払い、プラン変更、解約 / Invoices, payments, plan changes, cancellations',
  },
];

export interface DemoAgent {
  key: string;
  /** As stored (Japanese order for Japanese staff). */
  name: string;
  /** How the person signs in English. */
  nameEn: string;
  /** How the person signs in Japanese replies. */
  signJa: string;
  email: string;
  role: Role;
  locale: 'ja' | 'en';
  teams: TeamKey[];
  /** Languages the person answers in. */
  languages: ('ja' | 'en')[];
  /** Relative share of the team's conversations. */
  load: number;
}

export const AGENTS: readonly DemoAgent[] = [
  {
    key: 'takahashi',
    name: '高橋 直子',
    nameEn: 'Naoko Takahashi',
    signJa: '高橋',
    email: 'naoko.takahashi@demo.koe.test',
    role: 'manager',
    locale: 'ja',
    teams: ['tier1', 'technical', 'billing'],
    languages: ['ja', 'en'],
    load: 0.15,
  },
  {
    key: 'sato',
    name: '佐藤 美咲',
    nameEn: 'Misaki Sato',
    signJa: '佐藤',
    email: 'misaki.sato@demo.koe.test',
    role: 'agent',
    locale: 'ja',
    teams: ['tier1'],
    languages: ['ja'],
    load: 1.2,
  },
  {
    key: 'tanaka',
    name: '田中 陽菜',
    nameEn: 'Hina Tanaka',
    signJa: '田中',
    email: 'hina.tanaka@demo.koe.test',
    role: 'agent',
    locale: 'ja',
    teams: ['tier1'],
    languages: ['ja'],
    load: 1,
  },
  {
    key: 'carter',
    name: 'Emily Carter',
    nameEn: 'Emily Carter',
    signJa: 'カーター',
    email: 'emily.carter@demo.koe.test',
    role: 'agent',
    locale: 'en',
    teams: ['tier1'],
    languages: ['en'],
    load: 1,
  },
  {
    key: 'suzuki',
    name: '鈴木 健太',
    nameEn: 'Kenta Suzuki',
    signJa: '鈴木',
    email: 'kenta.suzuki@demo.koe.test',
    role: 'agent',
    locale: 'ja',
    teams: ['technical'],
    languages: ['ja', 'en'],
    load: 1,
  },
  {
    key: 'ito',
    name: '伊藤 大輔',
    nameEn: 'Daisuke Ito',
    signJa: '伊藤',
    email: 'daisuke.ito@demo.koe.test',
    role: 'agent',
    locale: 'ja',
    teams: ['technical'],
    languages: ['ja'],
    load: 0.9,
  },
  {
    key: 'watanabe',
    name: '渡辺 彩',
    nameEn: 'Aya Watanabe',
    signJa: '渡辺',
    email: 'aya.watanabe@demo.koe.test',
    role: 'agent',
    locale: 'ja',
    teams: ['billing'],
    languages: ['ja', 'en'],
    load: 1,
  },
];
