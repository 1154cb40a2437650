/**
 * Fictional customer companies of the demo (any likeness to a real company is
 * accidental). The demo workspace is flagged `isDemo`; nothing is ever sent to
 * these domains.
 */
export type Plan = 'Free' | 'Standard' | 'Pro' | 'Enterprise';

export interface DemoCompany {
  name: string;
  domain: string;
  language: 'ja' | 'en';
  industry: string;
  plan: Plan;
  /** Approximate zone of the customer's staff. */
  timeZone: string;
  employees: number;
  churned?: boolean;
}

export const COMPANIES: readonly DemoCompany[] = [
  { name: '株式会社青葉商事', domain: 'aoba-shoji.co.jp', language: 'ja', industry: '卸売', plan: 'Pro', timeZone: 'Asia/Tokyo', employees: 180 },
  { name: '株式会社みなと物流', domain: 'minato-logi.co.jp', language: 'ja', industry: '物流', plan: 'Enterprise', timeZone: 'Asia/Tokyo', employees: 950 },
  { name: '東雲フーズ株式会社', domain: 'shinonome-foods.co.jp', language: 'ja', industry: '食品', plan: 'Standard', timeZone: 'Asia/Tokyo', employees: 120 },
  { name: '株式会社ひかり薬局', domain: 'hikari-pharmacy.jp', language: 'ja', industry: '小売（ドラッグストア）', plan: 'Pro', timeZone: 'Asia/Tokyo', employees: 340 },
  { name: '北斗テクノロジー株式会社', domain: 'hokuto-tech.co.jp', language: 'ja', industry: 'IT サービス', plan: 'Enterprise', timeZone: 'Asia/Tokyo', employees: 620 },
  { name: '若葉不動産株式会社', domain: 'wakaba-fudosan.co.jp', language: 'ja', industry: '不動産', plan: 'Standard', timeZone: 'Asia/Tokyo', employees: 45 },
  { name: '株式会社大和ソリューションズ', domain: 'yamato-solutions.co.jp', language: 'ja', industry: 'IT サービス', plan: 'Pro', timeZone: 'Asia/Tokyo', employees: 210 },
  { name: '光洋電機株式会社', domain: 'koyo-denki.co.jp', language: 'ja', industry: '製造', plan: 'Enterprise', timeZone: 'Asia/Tokyo', employees: 1400 },
  { name: '合同会社ことのは', domain: 'kotonoha.jp', language: 'ja', industry: '出版', plan: 'Free', timeZone: 'Asia/Tokyo', employees: 6 },
  { name: '合同会社ミライラボ', domain: 'mirai-lab.jp', language: 'ja', industry: 'ソフトウェア', plan: 'Standard', timeZone: 'Asia/Tokyo', employees: 18 },
  { name: '株式会社三つ葉ベーカリー', domain: 'mitsuba-bakery.co.jp', language: 'ja', industry: '小売（食品）', plan: 'Standard', timeZone: 'Asia/Tokyo', employees: 75 },
  { name: '株式会社はるかぜトラベル', domain: 'harukaze-travel.co.jp', language: 'ja', industry: '旅行', plan: 'Pro', timeZone: 'Asia/Tokyo', employees: 260 },
  { name: '株式会社新星システム', domain: 'shinsei-sys.co.jp', language: 'ja', industry: 'IT サービス', plan: 'Standard', timeZone: 'Asia/Tokyo', employees: 90 },
  { name: '丸山書店株式会社', domain: 'maruyama-shoten.co.jp', language: 'ja', industry: '小売（書籍）', plan: 'Standard', timeZone: 'Asia/Tokyo', employees: 60, churned: true },
  { name: '富士見ホテル株式会社', domain: 'fujimi-hotel.co.jp', language: 'ja', industry: '宿泊', plan: 'Pro', timeZone: 'Asia/Tokyo', employees: 300 },
  { name: '株式会社桜井製作所', domain: 'sakurai-ss.co.jp', language: 'ja', industry: '製造', plan: 'Pro', timeZone: 'Asia/Tokyo', employees: 430 },
  { name: '株式会社いろは雑貨', domain: 'iroha-zakka.jp', language: 'ja', industry: '小売（EC）', plan: 'Standard', timeZone: 'Asia/Tokyo', employees: 25 },
  { name: '有限会社山下酒店', domain: 'yamashita-saketen.jp', language: 'ja', industry: '小売（酒類）', plan: 'Free', timeZone: 'Asia/Tokyo', employees: 8 },
  { name: '株式会社なごみ保険サービス', domain: 'nagomi-hoken.co.jp', language: 'ja', industry: '保険代理店', plan: 'Enterprise', timeZone: 'Asia/Tokyo', employees: 780 },
  { name: '株式会社ゆずデザイン', domain: 'yuzu-design.jp', language: 'ja', industry: 'デザイン', plan: 'Free', timeZone: 'Asia/Tokyo', employees: 12 },
  { name: '株式会社しおかぜ水産', domain: 'shiokaze-suisan.co.jp', language: 'ja', industry: '食品', plan: 'Standard', timeZone: 'Asia/Tokyo', employees: 140, churned: true },
  { name: '株式会社あおい歯科グループ', domain: 'aoi-dental.jp', language: 'ja', industry: '医療', plan: 'Pro', timeZone: 'Asia/Tokyo', employees: 150 },
  { name: 'Brightline Analytics Inc.', domain: 'brightline-analytics.com', language: 'en', industry: 'Software', plan: 'Enterprise', timeZone: 'America/Los_Angeles', employees: 540 },
  { name: 'Harbor & Pine Co.', domain: 'harborandpine.com', language: 'en', industry: 'Retail (home goods)', plan: 'Pro', timeZone: 'America/New_York', employees: 130 },
  { name: 'Bluefin Logistics LLC', domain: 'bluefin-logistics.com', language: 'en', industry: 'Logistics', plan: 'Pro', timeZone: 'America/Los_Angeles', employees: 380 },
  { name: 'Cedar Street Books', domain: 'cedarstreetbooks.com', language: 'en', industry: 'Retail (books)', plan: 'Standard', timeZone: 'America/New_York', employees: 22 },
  { name: 'Summit Peak Outdoors Inc.', domain: 'summitpeak-outdoors.com', language: 'en', industry: 'Retail (outdoor)', plan: 'Standard', timeZone: 'America/Los_Angeles', employees: 85 },
  { name: 'Lumen Health Ltd.', domain: 'lumenhealth.co.uk', language: 'en', industry: 'Healthcare', plan: 'Enterprise', timeZone: 'Europe/London', employees: 720 },
  { name: 'Orbit Robotics Inc.', domain: 'orbit-robotics.com', language: 'en', industry: 'Manufacturing', plan: 'Pro', timeZone: 'America/Los_Angeles', employees: 260 },
  { name: 'Tidewater Coffee Roasters', domain: 'tidewatercoffee.com', language: 'en', industry: 'Food & beverage', plan: 'Free', timeZone: 'America/New_York', employees: 14 },
  { name: 'Kestrel Apps Pte. Ltd.', domain: 'kestrelapps.com', language: 'en', industry: 'Software', plan: 'Standard', timeZone: 'Asia/Singapore', employees: 40 },
  { name: 'Southern Cross Travel Pty Ltd', domain: 'southerncross-travel.com', language: 'en', industry: 'Travel', plan: 'Pro', timeZone: 'Australia/Sydney', employees: 160 },
];

/** Customers without a company write from these (reserved, never-delivered) domains. */
export const PERSONAL_DOMAINS = { ja: ['example.jp', 'example.ne.jp'], en: ['example.com', 'example.net'] } as const;

/** Annual revenue range per plan, in JPY. */
export const PLAN_REVENUE: Record<Plan, readonly [number, number]> = {
  Free: [0, 0],
  Standard: [360_000, 1_200_000],
  Pro: [1_200_000, 6_000_000],
  Enterprise: [6_000_000, 30_000_000],
};

/** Approximate UTC offsets (hours) for placing customers' working hours; DST is ignored on purpose. */
export const ZONE_OFFSETS: Record<string, number> = {
  'Asia/Tokyo': 9,
  'America/Los_Angeles': -8,
  'America/New_York': -5,
  'Europe/London': 0,
  'Asia/Singapore': 8,
  'Australia/Sydney': 10,
};
