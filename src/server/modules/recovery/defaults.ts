import type { PlaybookStep } from '../../../shared/contracts/recovery.ts';

/**
 * Koe's playbook, in the words of service-recovery practice: reach the customer, apologise,
 * listen, agree what will be done (by whom, by when), follow up, and ask again.
 */
export const DEFAULT_PLAYBOOKS: Record<'ja' | 'en', PlaybookStep[]> = {
  ja: [
    { key: 'contact', label: 'お客様に連絡する' },
    { key: 'apologise', label: 'ご不便をおかけしたことをお詫びする' },
    { key: 'ask', label: '何が問題だったかを伺う' },
    { key: 'agree_actions', label: '対応策を合意する（担当者と期日を決める）' },
    { key: 'follow_up', label: '対応後にフォローアップする' },
    { key: 'resurvey', label: '再アンケートで満足度を確かめる' },
  ],
  en: [
    { key: 'contact', label: 'Contact the customer' },
    { key: 'apologise', label: 'Apologise for the trouble' },
    { key: 'ask', label: 'Ask what went wrong' },
    { key: 'agree_actions', label: 'Agree action items (each with an owner and a due date)' },
    { key: 'follow_up', label: 'Follow up once they are done' },
    { key: 'resurvey', label: 'Re-survey the customer' },
  ],
};

/** The default playbook of a language: Japanese for ja, English for every other language. */
export function defaultPlaybook(language: string): PlaybookStep[] {
  return (language.split('-')[0] === 'ja' ? DEFAULT_PLAYBOOKS.ja : DEFAULT_PLAYBOOKS.en).map((step) => ({ ...step }));
}
