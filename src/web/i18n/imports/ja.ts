/** Japanese messages of Settings → Import (CSV files of conversations and survey responses). */
export const importsJa = {
  imports: {
    nav: 'インポート',
    title: 'CSV インポート',
    description:
      'ほかのヘルプデスクやアンケートツールから、過去の会話とアンケート回答を取り込みます。同じ external_id の行は更新され、二重には登録されません。',
    kind: '取り込むデータ',
    kinds: {
      conversations: '会話',
      responses: 'アンケート回答',
    },
    columnsTitle: '列',
    columnsHint: '必須: {{required}}。ほかの列は省略できます。Koe の CSV エクスポートもそのまま取り込めます。',
    file: 'CSV ファイル',
    filePlaceholder: 'ファイルを選択（UTF-8、最大 100 MB）',
    start: 'インポート開始',
    running: '{{done}} / {{total}} 行を処理中…',
    failed: 'インポートが途中で止まりました',
    failedHint:
      '止まった位置より前の行は取り込み済みで、もう一度インポートしても二重には登録されません。行の指摘があればその行を直してから、ファイルをもう一度インポートしてください。',
    doneTitle: 'インポートが完了しました（{{seconds}} 秒）',
    created: '新規',
    updated: '更新',
    unchanged: '変更なし',
    rejected: '取り込めなかった行',
    errorsTitle: '取り込めなかった行',
    warningsTitle: '注意のある行（取り込み済み）',
    line: '行',
    field: '列',
    message: '理由',
    truncated: '最初の {{n}} 件のみ表示しています。',
    again: '別のファイルをインポート',
    noPermission: 'インポートは管理者だけが実行できます。',
  },
};
