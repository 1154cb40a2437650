import type { TFunction } from 'i18next';
import type { Draft } from './draft.ts';

const filled = (texts: Record<string, string> | undefined) => Object.values(texts ?? {}).some((v) => v.trim() !== '');

/** What the form can tell before the server: names, prompts and option labels in at least one language. */
export function validateDraft(draft: Draft, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = t('surveyEditor.needsText');
  if (!draft.name.trim()) errors.name = t('common.required');
  draft.definition.questions.forEach((question, index) => {
    const path = `definition.questions.${index}`;
    if (!filled(question.prompt)) errors[`${path}.prompt`] = required;
    if (question.type === 'choice') {
      question.options.forEach((option, optionIndex) => {
        if (!filled(option.label)) errors[`${path}.options.${optionIndex}`] = t('surveyEditor.optionNeedsLabel');
      });
    }
  });
  if (!filled(draft.definition.thankYou)) errors['definition.thankYou'] = required;
  draft.settings.widget.triggers.forEach((trigger, index) => {
    if ((trigger.type === 'event' && !trigger.name.trim()) || (trigger.type === 'url' && !trigger.contains.trim())) {
      errors[`settings.widget.triggers.${index}`] = t('common.required');
    }
  });
  return errors;
}

/** The first message for a field path or anything under it (`definition.questions.1` covers its prompt). */
export function messageAt(errors: Record<string, string>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}
