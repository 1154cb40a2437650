import type { importsJa } from './ja.ts';

/** English messages of Settings → Import (CSV files of conversations and survey responses). */
export const importsEn: typeof importsJa = {
  imports: {
    nav: 'Import',
    title: 'CSV import',
    description:
      'Bring past conversations and survey answers over from another help desk or survey tool. Rows with an external_id seen before are updated, never added twice.',
    kind: 'What to import',
    kinds: {
      conversations: 'Conversations',
      responses: 'Survey responses',
    },
    columnsTitle: 'Columns',
    columnsHint: 'Required: {{required}}. The others may be left out. A Koe CSV export imports as it is.',
    file: 'CSV file',
    filePlaceholder: 'Choose a file (UTF-8, up to 100 MB)',
    start: 'Start import',
    running: 'Processing row {{done}} of {{total}}…',
    failed: 'The import stopped',
    failedHint:
      'Every row before the point where it stopped is imported, and importing it again does not add it twice. Correct the line named above, if there is one, then import the file again to finish.',
    doneTitle: 'Import finished ({{seconds}} s)',
    created: 'New',
    updated: 'Updated',
    unchanged: 'Unchanged',
    rejected: 'Rows not imported',
    errorsTitle: 'Rows not imported',
    warningsTitle: 'Rows imported with a note',
    line: 'Line',
    field: 'Column',
    message: 'Why',
    truncated: 'Only the first {{n}} are listed.',
    again: 'Import another file',
    noPermission: 'Only admins can import.',
  },
};
