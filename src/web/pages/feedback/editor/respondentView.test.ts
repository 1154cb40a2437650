import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../../../shared/contracts/surveys.ts';
import { respondentView } from './respondentView.ts';

const definition: SurveyDefinition = {
  kind: 'nps',
  questions: [
    {
      id: 'score',
      type: 'score',
      prompt: { ja: 'おすすめしますか？', en: 'Would you recommend us?' },
      lowLabel: { ja: '薦めない' },
    },
    { id: 'why', type: 'comment', prompt: { ja: '理由は？', en: '' }, required: false },
  ],
  thankYou: { ja: 'ありがとうございました' },
  defaultLanguage: 'ja',
};

describe('respondent view for the live preview', () => {
  it('shows each text in the chosen language and falls back to the default language', () => {
    const en = respondentView(definition, 'en');
    expect(en.scale).toEqual({ min: 0, max: 10 });
    expect(en.questions.map((q) => q.prompt)).toEqual(['Would you recommend us?', '理由は？']);
    expect(en.questions[0]?.lowLabel).toBe('薦めない');
    expect(en.thankYou).toBe('ありがとうございました');
  });
});
