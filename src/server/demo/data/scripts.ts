/** Reply scripts (canned responses) of the demo, in Japanese and English, with variables filled at use. */
export interface DemoScript {
  name: string;
  shortcut: string;
  bodies: { ja: string; en: string };
}

export const SCRIPTS: readonly DemoScript[] = [
  {
    name: 'あいさつ / Greeting',
    shortcut: 'greeting',
    bodies: {
      ja: '{{contact.name}} 様\n\nお問い合わせいただきありがとうございます。\n{{workspace.name}} サポート担当の{{agent.name}}でございます。\n\n',
      en: "Hi {{contact.first_name}},\n\nThanks for reaching out — I'm {{agent.name}} from the {{workspace.name}} support team.\n\n",
    },
  },
  {
    name: '請求書の再発行 / Invoice re-issue',
    shortcut: 'invoice-reissue',
    bodies: {
      ja: '{{contact.name}} 様\n\n請求書の再発行を承りました。\n{{company.name}} 様宛の請求書を再発行し、ご登録のメールアドレスにお送りいたしました。\n過去の請求書は「設定 > お支払い > 請求書」からもダウンロードいただけます。\n\n{{agent.name}}',
      en: "Hi {{contact.first_name}},\n\nI've re-issued the invoice for {{company.name}} and sent it to your billing email. Past invoices are always available under Settings > Billing > Invoices.\n\n{{agent.name}}",
    },
  },
  {
    name: 'パスワード再設定 / Password reset',
    shortcut: 'password-reset',
    bodies: {
      ja: '{{contact.name}} 様\n\nパスワード再設定用のリンクを {{contact.email}} 宛にお送りいたしました。リンクの有効期限は 24 時間です。\nメールが届かない場合は、迷惑メールフォルダもご確認ください。\n\n{{agent.name}}',
      en: "Hi {{contact.first_name}},\n\nI've sent a password reset link to {{contact.email}}; it's valid for 24 hours. If it doesn't arrive, please check your spam folder.\n\n{{agent.name}}",
    },
  },
  {
    name: 'プラン変更のご案内 / Plan change',
    shortcut: 'plan-change',
    bodies: {
      ja: '{{contact.name}} 様\n\nプラン変更のご検討ありがとうございます。\n月の途中で変更された場合、差額は日割りで計算し、次回のご請求に合算いたします。変更は「設定 > プラン」からいつでも可能です。\n\n{{agent.name}}',
      en: 'Hi {{contact.first_name}},\n\nThanks for considering a plan change. Mid-month changes are prorated and added to your next invoice; you can switch any time under Settings > Plan.\n\n{{agent.name}}',
    },
  },
  {
    name: 'API レート制限 / API rate limits',
    shortcut: 'api-rate-limit',
    bodies: {
      ja: '{{contact.name}} 様\n\nHTTP 429 が返った場合は、Retry-After ヘッダーの秒数だけ待ってから再送してください。\n大量の更新にはバルク API（1 リクエスト最大 500 件）のご利用をおすすめいたします。\n\n{{agent.name}}',
      en: 'Hi {{contact.first_name}},\n\nWhen the API answers 429, wait for the seconds in the Retry-After header before retrying. For large updates, the bulk endpoint takes up to 500 items per request.\n\n{{agent.name}}',
    },
  },
  {
    name: 'データのエクスポート / Data export',
    shortcut: 'data-export',
    bodies: {
      ja: '{{contact.name}} 様\n\n「データ > エクスポート」から期間と項目を指定して CSV をダウンロードいただけます。\nExcel で開く場合は「Excel 向け（BOM 付き）」をお選びください。\n\n{{agent.name}}',
      en: 'Hi {{contact.first_name}},\n\nUnder Data > Export you can choose the period and fields and download a CSV. For Excel, tick "Excel-friendly (with BOM)".\n\n{{agent.name}}',
    },
  },
  {
    name: '不具合の受付 / Bug received',
    shortcut: 'bug-received',
    bodies: {
      ja: '{{contact.name}} 様\n\nご報告いただきありがとうございます。ご不便をおかけし申し訳ございません。\n調査のため、発生日時・ご利用の端末とブラウザ・再現手順・エラー画面のスクリーンショットをお知らせいただけますでしょうか。\n\n{{agent.name}}',
      en: "Hi {{contact.first_name}},\n\nThanks for reporting this, and sorry for the trouble. Could you send when it happened, your device and browser, the steps to reproduce and a screenshot of the error?\n\n{{agent.name}}",
    },
  },
  {
    name: '機能要望のお礼 / Feature request thanks',
    shortcut: 'feature-thanks',
    bodies: {
      ja: '{{contact.name}} 様\n\n貴重なご意見をいただきありがとうございます。いただいたご要望は製品チームに共有いたしました。\n進捗がございましたら、改めてご連絡いたします。\n\n{{agent.name}}',
      en: "Hi {{contact.first_name}},\n\nThanks for the suggestion — I've shared it with our product team and will let you know when there's news.\n\n{{agent.name}}",
    },
  },
  {
    name: '配送遅延のお詫び / Delivery delay apology',
    shortcut: 'delivery-delay',
    bodies: {
      ja: '{{contact.name}} 様\n\nお届けが遅れており、大変申し訳ございません。\n倉庫に確認のうえ、出荷予定日と追跡番号を改めてご連絡いたします。\n\n{{agent.name}}',
      en: "Hi {{contact.first_name}},\n\nI'm sorry your order is running late. I'm checking with the warehouse and will send you the ship date and tracking number shortly.\n\n{{agent.name}}",
    },
  },
  {
    name: '解決のご確認 / Closing check',
    shortcut: 'closing',
    bodies: {
      ja: '{{contact.name}} 様\n\nその後、「{{conversation.subject}}」の件は解決いたしましたでしょうか。\n引き続きお困りの点がございましたら、このメールにご返信ください。\n\n{{agent.name}}',
      en: 'Hi {{contact.first_name}},\n\nJust checking in: is "{{conversation.subject}}" sorted now? If not, simply reply to this email.\n\n{{agent.name}}',
    },
  },
];
