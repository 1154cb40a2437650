import { describe, expect, it } from 'vitest';
import type { Survey, SurveyDefinition } from '../../../../shared/contracts/surveys.ts';
import { SurveySettings } from '../../../../shared/contracts/surveys.ts';
import { changesOf, draftOf, finalizeDefinition, moveQuestion, newId, withWhyQuestion } from './draft.ts';

const definition: SurveyDefinition = {
  kind: 'csat',
  questions: [
    { id: 'score', type: 'score', prompt: { ja: '満足度は？', en: 'How satisfied?' } },
    {
      id: 'topic',
      type: 'choice',
      prompt: { ja: '内容', en: 'Topic' },
      multiple: false,
      required: false,
      options: [
        { id: 'billing', label: { ja: '請求', en: 'Billing' } },
        { id: newId(), label: { ja: '配送の速さ', en: 'Delivery speed' } },
        { id: newId(), label: { ja: '価格' } },
      ],
    },
  ],
  thankYou: { ja: 'ありがとう', en: 'Thanks' },
  defaultLanguage: 'ja',
};

const survey: Survey = {
  id: '01a20b32-7e71-7abe-87a7-0386d6e67dcd',
  name: 'CSAT',
  kind: 'csat',
  status: 'draft',
  version: 1,
  definition: finalizeDefinition(definition),
  settings: SurveySettings.parse({}),
  linkUrl: null,
  createdAt: '2026-11-24T00:00:00.000Z',
  updatedAt: '2026-11-24T00:00:00.000Z',
};

describe('survey draft', () => {
  it('gives new options ids from their labels and keeps saved ids as they are', () => {
    const question = finalizeDefinition(definition).questions[1];
    expect(question?.type === 'choice' && question.options.map((o) => o.id)).toEqual([
      'billing',
      'delivery-speed',
      'option-1',
    ]);
  });

  it('sends only what changed, so an untouched definition makes no new version', () => {
    const draft = draftOf(survey);
    expect(changesOf(survey, draft)).toEqual({});
    draft.status = 'active';
    expect(changesOf(survey, draft)).toEqual({ status: 'active' });
    const reordered = structuredClone(draft);
    reordered.definition.thankYou = { en: 'Thanks', ja: 'ありがとう' };
    expect(changesOf(survey, reordered)).toEqual({ status: 'active' });
    const relabelled = structuredClone(draft);
    const choice = relabelled.definition.questions[1];
    if (choice?.type === 'choice' && choice.options[0]) choice.options[0].label = { ja: 'ご請求', en: 'Invoices' };
    const changes = changesOf(survey, relabelled);
    const saved = changes.definition?.questions[1];
    expect(saved?.type === 'choice' && saved.options[0]?.id).toBe('billing');
  });

  it('keeps the score first and the why question right after it', () => {
    const why = { id: 'why', type: 'comment' as const, prompt: { ja: 'なぜ？' }, required: false };
    const withWhy = withWhyQuestion(definition, why);
    expect(withWhy.questions.map((q) => q.id)).toEqual(['score', 'why', 'topic']);
    expect(moveQuestion(withWhy, 1, -1)).toBe(withWhy);
    expect(moveQuestion(withWhy, 1, 1).questions.map((q) => q.id)).toEqual(['score', 'topic', 'why']);
    expect(withWhyQuestion(withWhy, null).questions.map((q) => q.id)).toEqual(['score', 'topic']);
  });
});
