import { SurveySettings, type SurveyTemplate } from '../../../shared/contracts/surveys.ts';

const why = {
  id: 'why',
  type: 'comment' as const,
  prompt: { ja: 'そのように評価された理由をお聞かせください。', en: 'What is the main reason for your score?' },
  required: false,
};
const thanks = {
  ja: 'ご回答ありがとうございました。いただいたご意見はサービス改善に役立てます。',
  en: 'Thank you for your feedback. It helps us improve.',
};

/** Ready templates in Japanese and English; a survey created from one is a copy the team can edit. */
export const SURVEY_TEMPLATES: SurveyTemplate[] = [
  {
    id: 'csat_support',
    name: { ja: 'サポート後の満足度 (CSAT)', en: 'CSAT after support' },
    description: {
      ja: '問い合わせ解決の直後に 1〜5 で満足度を伺い、理由を自由記述で尋ねます。',
      en: 'Asks for satisfaction 1–5 right after a conversation is resolved, then why.',
    },
    definition: {
      kind: 'csat',
      questions: [
        {
          id: 'score',
          type: 'score',
          prompt: {
            ja: '今回のサポートの対応にどの程度満足されましたか？',
            en: 'How satisfied were you with the support you received?',
          },
          lowLabel: { ja: '非常に不満', en: 'Very dissatisfied' },
          highLabel: { ja: '非常に満足', en: 'Very satisfied' },
        },
        why,
      ],
      thankYou: thanks,
      defaultLanguage: 'ja',
    },
    settings: SurveySettings.parse({ afterResolution: { enabled: true, delayMinutes: 30 }, recontactDays: 7 }),
  },
  {
    id: 'ces_resolution',
    name: { ja: '解決時の顧客努力指標 (CES)', en: 'CES after resolution' },
    description: {
      ja: '「問題の解決は簡単だった」への同意を 1〜7 で伺います (CES 2.0、高いほど良い)。',
      en: 'Agreement 1–7 with "it was easy to get my issue resolved" (CES 2.0, higher is better).',
    },
    definition: {
      kind: 'ces7',
      questions: [
        {
          id: 'score',
          type: 'score',
          prompt: {
            ja: '「今回、問題を簡単に解決できた」にどの程度同意されますか？',
            en: 'To what extent do you agree: "The company made it easy for me to handle my issue."',
          },
          lowLabel: { ja: 'まったくそう思わない', en: 'Strongly disagree' },
          highLabel: { ja: '強くそう思う', en: 'Strongly agree' },
        },
        {
          id: 'why',
          type: 'comment',
          prompt: {
            ja: '手間に感じた点があれば教えてください。',
            en: 'What, if anything, took more effort than it should?',
          },
          required: false,
        },
      ],
      thankYou: thanks,
      defaultLanguage: 'ja',
    },
    settings: SurveySettings.parse({ afterResolution: { enabled: true, delayMinutes: 60 }, recontactDays: 14 }),
  },
  {
    id: 'nps_relationship',
    name: { ja: '関係性 NPS', en: 'Relationship NPS' },
    description: {
      ja: '0〜10 で推奨意向を伺う定期アンケート。メールやセグメント配信向けです。',
      en: 'Likelihood to recommend, 0–10, sent periodically by email to a segment.',
    },
    definition: {
      kind: 'nps',
      questions: [
        {
          id: 'score',
          type: 'score',
          prompt: {
            ja: '当社のサービスを友人や同僚に薦める可能性はどのくらいありますか？',
            en: 'How likely are you to recommend us to a friend or colleague?',
          },
          lowLabel: { ja: 'まったく薦めない', en: 'Not at all likely' },
          highLabel: { ja: '非常に薦めたい', en: 'Extremely likely' },
        },
        why,
      ],
      thankYou: thanks,
      defaultLanguage: 'ja',
    },
    settings: SurveySettings.parse({ email: { reminderAfterDays: 3 }, recontactDays: 90 }),
  },
  {
    id: 'article_helpful',
    name: { ja: 'ヘルプ記事「役に立ちましたか？」', en: 'Help article: was this helpful?' },
    description: {
      ja: 'ヘルプ記事の下に表示し、役に立ったかどうかを 2 段階で伺います。',
      en: 'Shown under help articles: helpful or not, with an optional comment.',
    },
    definition: {
      kind: 'rating',
      scale: { min: 0, max: 1 },
      questions: [
        {
          id: 'score',
          type: 'score',
          prompt: { ja: 'この記事は役に立ちましたか？', en: 'Was this article helpful?' },
          lowLabel: { ja: 'いいえ', en: 'No' },
          highLabel: { ja: 'はい', en: 'Yes' },
        },
        {
          id: 'why',
          type: 'comment',
          prompt: { ja: '足りなかった情報を教えてください。', en: 'What was missing?' },
          required: false,
        },
      ],
      thankYou: { ja: 'フィードバックありがとうございました。', en: 'Thanks for your feedback.' },
      defaultLanguage: 'ja',
    },
    settings: SurveySettings.parse({ widget: { enabled: true, triggers: [] }, recontactDays: 0, anonymousLink: true }),
  },
];

export function findTemplate(id: string): SurveyTemplate | undefined {
  return SURVEY_TEMPLATES.find((t) => t.id === id);
}
