import type { ScenarioKey } from './scenarios.ts';

export type Language = 'ja' | 'en';

/**
 * The frame around an agent's words. Which greeting depends on the moment:
 * first: the first answer; reply: the customer wrote since; update: the agent
 * writes again unprompted; handover: a colleague takes over. Chat uses the
 * short form once; public posts (reviews, social) have none.
 */
export type GreetingKind = 'first' | 'reply' | 'update' | 'handover';

export const GREETINGS: Record<Language, Record<GreetingKind, string> & { short: string }> = {
  ja: {
    first: '{name} 様\n\nお問い合わせいただきありがとうございます。\nサポート担当の{agent}でございます。\n\n',
    reply: '{name} 様\n\nご返信いただきありがとうございます。{agent}でございます。\n\n',
    update: '{name} 様\n\nお待たせいたしました。{agent}でございます。\n\n',
    handover: '{name} 様\n\nお待たせいたしました。本件を引き継ぎました、技術サポートの{agent}でございます。\n\n',
    short: '{name} 様、お問い合わせありがとうございます。担当の{agent}です。\n',
  },
  en: {
    first: "Hi {first},\n\nThanks for reaching out — I'm {agent} from the support team.\n\n",
    reply: 'Hi {first},\n\nThanks for getting back to me.\n\n',
    update: 'Hi {first},\n\nA quick update from me.\n\n',
    handover: "Hi {first},\n\nI'm {agent} from the technical team; I've taken over your case.\n\n",
    short: 'Hi {first}, {agent} here.\n',
  },
};

export const SIGN_OFFS: Record<Language, { formal: string; short: string }> = {
  ja: {
    formal: '\n\nご不明な点がございましたら、お気軽にお問い合わせください。\n何卒よろしくお願いいたします。\n\nサポートチーム {agent}',
    short: '\n他にご不明な点がございましたら、お気軽にお知らせください。',
  },
  en: {
    formal: '\n\nLet me know if anything else comes up.\n\nBest regards,\n{agent}\nSupport team',
    short: '\nAnything else I can help with?',
  },
};

export const THANKS: Record<Language, string[]> = {
  ja: [
    'ご対応ありがとうございました。解決しました。',
    '確認できました。助かりました！',
    '丁寧にご案内いただきありがとうございます。問題なさそうです。',
    '承知しました。迅速なご対応に感謝いたします。',
  ],
  en: ['That fixed it — thank you!', 'All good now, thanks for the quick help.', 'Perfect, thanks a lot.', 'Got it, thanks for explaining.'],
};

export const REOPENS: Record<Language, string[]> = {
  ja: [
    'たびたび申し訳ありません。先日解決したと思っていたのですが、今朝からまた同じ症状が出ています。',
    '先日の件で追加で確認させてください。別の店舗でも同じことが起きています。',
  ],
  en: [
    'Sorry to bother you again — the same problem is back since this morning.',
    'One more thing on this: our other location is seeing the same issue.',
  ],
};

export const REOPEN_REPLIES: Record<Language, string[]> = {
  ja: [
    '再発とのこと、ご不便をおかけして申し訳ございません。\n改めて確認いたしましたところ、設定の一部が元に戻っておりましたので、再度修正いたしました。同様の事象が起きないよう、開発チームにも共有しております。',
    'ご連絡ありがとうございます。他店舗のアカウントにも同じ設定を反映いたしました。お手数ですが、ご確認いただけますでしょうか。',
  ],
  en: [
    "Sorry it came back. I took another look: part of the setting had reverted, so I've fixed it again and flagged it to our engineers so it doesn't recur.",
    "Thanks for letting us know — I've applied the same fix to your other location's account. Could you check?",
  ],
};

export const BOT_MESSAGES: Record<Language, string> = {
  ja: 'ご質問ありがとうございます。担当者におつなぎします。営業時間（平日 9:00〜18:00）外の場合は、翌営業日にご返信いたします。\nお待ちの間に、ヘルプセンターの「{article}」もご覧ください。',
  en: "Thanks for your message! I'm connecting you with our team. Outside business hours (weekdays 9:00–18:00 JST) we reply on the next business day.\nWhile you wait, this help article may be useful: \"{article}\".",
};

export const ARTICLES: Record<ScenarioKey, Record<Language, string>> = {
  login: { ja: 'ログインできない場合', en: "Can't sign in?" },
  'two-factor': { ja: '二段階認証の再設定', en: 'Resetting two-factor authentication' },
  invoice: { ja: '請求書のダウンロードと再発行', en: 'Downloading and re-issuing invoices' },
  payment: { ja: 'お支払い方法の変更', en: 'Changing your payment method' },
  upgrade: { ja: 'プランの変更', en: 'Changing your plan' },
  cancel: { ja: '解約とデータの保持期間', en: 'Cancellation and data retention' },
  'api-limit': { ja: 'API のレート制限', en: 'API rate limits' },
  export: { ja: 'データのエクスポート', en: 'Exporting your data' },
  bug: { ja: '不具合を報告する', en: 'Reporting a problem' },
  feature: { ja: '機能のご要望', en: 'Requesting a feature' },
  delivery: { ja: '端末の配送状況', en: 'Tracking hardware orders' },
  integration: { ja: '外部サービス連携', en: 'Integrations' },
  praise: { ja: 'よくあるご質問', en: 'Frequently asked questions' },
  'review-negative': { ja: 'よくあるご質問', en: 'Frequently asked questions' },
  'review-positive': { ja: 'よくあるご質問', en: 'Frequently asked questions' },
  social: { ja: 'よくあるご質問', en: 'Frequently asked questions' },
};

/** A phone conversation is logged by the agent who took the call. */
export const PHONE_PREFIX: Record<Language, string> = { ja: '（お電話でのお問い合わせ）\n', en: '(Phone call)\n' };

export const HANDOFFS: Record<Language, string> = {
  ja: '詳細をお知らせいただきありがとうございます。技術サポートの担当者に引き継ぎ、調査を進めてまいります。今しばらくお待ちください。',
  en: "Thanks for the details. I'm handing this over to our technical team, who will investigate and get back to you shortly.",
};

/** An agent acknowledging that engineering is on it (escalated bugs). */
export const INVESTIGATING: Record<Language, string> = {
  ja: '事象を再現でき、開発チームにて修正を進めております。\n修正までの間は、お手数ですがページを再読み込みしてから操作いただくことで回避できる場合がございます。進捗があり次第ご連絡いたします。',
  en: "We've reproduced the problem and engineering is working on a fix. Until then, reloading the page before retrying usually works around it. I'll update you as soon as it's fixed.",
};

export const BROWSERS = ['Chrome', 'Edge', 'Safari', 'Firefox'];
export const APPS: Record<Language, string[]> = {
  ja: ['Shopify', 'freee', 'Slack', 'Salesforce', 'kintone', 'Google スプレッドシート'],
  en: ['Shopify', 'QuickBooks', 'Slack', 'Salesforce', 'Xero', 'Google Sheets'],
};
export const DEVICES: Record<Language, string[]> = {
  ja: ['レシートプリンター', 'カードリーダー', 'キャッシュドロワー', 'バーコードスキャナー'],
  en: ['receipt printer', 'card reader', 'cash drawer', 'barcode scanner'],
};
export const FEATURES: Record<Language, string[]> = {
  ja: [
    'レポートを PDF で自動送信すること',
    '店舗ごとに権限を分けること',
    'スタッフのシフト表と連携すること',
    '在庫アラートを Slack に通知すること',
    '複数の税率を商品ごとに設定すること',
  ],
  en: [
    'email reports as PDF on a schedule',
    'set permissions per store',
    'sync with our staff rota',
    'get stock alerts in Slack',
    'set tax rates per product',
  ],
};
export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
