/**
 * The respondent-facing words of the survey page and the widget, in Japanese and English.
 * Survey texts (questions, thank-you) come from the survey itself; these are the frame.
 */
const ja = {
  loading: '読み込み中…',
  send: '送信する',
  update: '回答を更新する',
  sending: '送信中…',
  chooseScore: 'スコアを選んでください。',
  required: 'この質問にお答えください。',
  optional: '（任意）',
  selected: '選択中：',
  yourAnswer: 'あなたの回答：',
  parens: ['（', '）'],
  addComment: 'ほかにお気づきの点があればお聞かせください（任意）',
  sendComment: 'コメントを送信',
  updateComment: 'コメントを更新',
  commentSaved: 'コメントを保存しました。ありがとうございます。',
  close: '閉じる',
  invalidTitle: 'このリンクは使えません',
  invalid: 'アンケートのリンクが無効か、有効期限が切れています。届いたメールの最新のリンクからもう一度お試しください。',
  network: '送信できませんでした。通信状態を確認して、もう一度お試しください。',
  loadFailed: 'アンケートを読み込めませんでした。通信状態を確認して、ページを再読み込みしてください。',
  tooMany: '短時間に送信が続いたため受け付けできませんでした。1 分ほど待ってからお試しください。',
  csat: ['非常に不満', '不満', '普通', '満足', '非常に満足'],
  ces7: [
    'まったくそう思わない',
    'そう思わない',
    'あまりそう思わない',
    'どちらでもない',
    'ややそう思う',
    'そう思う',
    '強くそう思う',
  ],
  ces5: ['とても楽だった', '楽だった', 'ふつう', '大変だった', 'とても大変だった'],
};

export type Messages = typeof ja;

const en: Messages = {
  loading: 'Loading…',
  send: 'Send',
  update: 'Update my answer',
  sending: 'Sending…',
  chooseScore: 'Please choose a score.',
  required: 'Please answer this question.',
  optional: ' (optional)',
  selected: 'Selected: ',
  yourAnswer: 'Your answer: ',
  parens: [' (', ')'],
  addComment: 'Anything else you would like to tell us? (optional)',
  sendComment: 'Send comment',
  updateComment: 'Update comment',
  commentSaved: 'Comment saved. Thank you.',
  close: 'Close',
  invalidTitle: 'This link cannot be used',
  invalid:
    'This survey link is invalid or has expired. Please try again from the link in the latest email you received.',
  network: 'Your answer could not be sent. Check your connection and try again.',
  loadFailed: 'The survey could not be loaded. Check your connection and reload the page.',
  tooMany: 'Too many attempts in a short time. Please wait a minute and try again.',
  csat: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  ces7: ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neutral', 'Somewhat agree', 'Agree', 'Strongly agree'],
  ces5: ['Very low effort', 'Low effort', 'Moderate effort', 'High effort', 'Very high effort'],
};

/** Japanese for `ja*`, English otherwise. */
export const messagesFor = (language: string | undefined): Messages => (language?.startsWith('ja') ? ja : en);
