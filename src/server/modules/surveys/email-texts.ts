/**
 * The words of survey emails around the survey's own question. Japanese and English
 * ship ready; any other language falls back to English. `{{contact.name}}`,
 * `{{workspace.name}}` and the other reply-script variables work in subject and intro
 * (also in the survey's own settings.email.subject / intro).
 */
export interface SurveyEmailTexts {
  subject: string;
  /** Put before the subject of the reminder. */
  reminderPrefix: string;
  greeting: string;
  greetingNoName: string;
  intro: string;
  reminderIntro: string;
  instruction: string;
  /** Accessible name of one score link: {{score}}. */
  scoreLink: string;
  openPage: string;
  footer: string;
  unsubscribe: string;
}

export const SURVEY_EMAIL_TEXTS: Record<'ja' | 'en', SurveyEmailTexts> = {
  ja: {
    subject: '{{workspace.name}}からのアンケートのお願い',
    reminderPrefix: '【再送】',
    greeting: '{{contact.name}} 様',
    greetingNoName: 'お客様各位',
    intro:
      'いつも{{workspace.name}}をご利用いただき、ありがとうございます。サービス向上のため、簡単なアンケートにご協力ください。1 分ほどで終わります。',
    reminderIntro:
      '先日お送りしたアンケートについて、改めてご案内いたします。すでにご回答いただいている場合は、行き違いをご容赦ください。',
    instruction: '下の数字を選ぶと回答ページが開きます。ページで「送信」を押すと回答が記録されます。',
    scoreLink: '{{score}} を選んで回答する',
    openPage: 'ブラウザで回答する',
    footer:
      'このメールは {{workspace.name}} から {{email}} 宛にお送りしています。今後アンケートのメールが不要な場合は、',
    unsubscribe: 'こちらから配信を停止できます',
  },
  en: {
    subject: 'A quick question from {{workspace.name}}',
    reminderPrefix: 'Reminder: ',
    greeting: 'Hello {{contact.name}},',
    greetingNoName: 'Hello,',
    intro: 'Thank you for choosing {{workspace.name}}. Would you answer a quick question? It takes less than a minute.',
    reminderIntro:
      'A few days ago we asked for your feedback. If you have a moment, we would still love to hear from you.',
    instruction: 'Choose a number below. A page opens where you confirm your answer and can add a comment.',
    scoreLink: 'Answer {{score}}',
    openPage: 'Answer in your browser',
    footer: 'This email was sent by {{workspace.name}} to {{email}}. If you would rather not get survey emails, ',
    unsubscribe: 'unsubscribe here',
  },
};

export function emailTexts(language: string): SurveyEmailTexts {
  const base = language.split('-')[0];
  return base === 'ja' ? SURVEY_EMAIL_TEXTS.ja : SURVEY_EMAIL_TEXTS.en;
}
