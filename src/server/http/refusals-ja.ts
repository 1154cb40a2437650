/**
 * The refusals Koe words itself (services' `badRequest`/`conflict`, schemas' custom checks), in
 * Japanese, for requests that ask for it (Accept-Language: ja; the web app sends its language).
 * Zod's own reasons are worded by validation-ja.ts; this is the rest. Keyed by the English text,
 * so a service keeps one message and the API's English stays the contract; a test checks that
 * every message in the source has its Japanese here.
 */
import { HttpProblem } from './problem.ts';

/** Nouns of "is not a … of this workspace", and of the ids a message names. */
const NOUNS: Record<string, string> = {
  calendar: 'カレンダー',
  company: '会社',
  contact: '顧客',
  conversation: '会話',
  member: 'メンバー',
  rule: 'ルール',
  segment: 'セグメント',
  survey: 'アンケート',
  team: 'チーム',
  'webhook endpoint': 'Webhook',
  'SLA policy': 'SLA ポリシー',
  user: 'メンバー',
  day: '日',
  week: '週',
  month: '月',
};
const noun = (english: string) => NOUNS[english] ?? english;

const EXACT: Record<string, string> = {
  // Surveys and answers
  'allows one option': '選べる選択肢は 1 つです',
  'belongs to another contact': '別の顧客の会話です',
  'cannot change once the survey has been sent; create a new survey':
    '送信済みのアンケートでは変更できません。新しいアンケートを作成してください',
  'does not match userId': 'userId と一致しません',
  'give contactId or segmentId, not both': 'contactId と segmentId のどちらか一方を指定してください',
  'goes with contactId, not with a segment': 'セグメントではなく contactId と一緒に指定してください',
  'has no letters or digits to search for': '検索する文字か数字を入力してください',
  'is answered twice': '同じ質問に 2 回答えています',
  'is invalid or has expired': '無効か、有効期限が切れています',
  'is not a question of this survey': 'このアンケートの質問ではありません',
  'is not an option of this question': 'この質問の選択肢ではありません',
  'is required for rating': 'カスタム評価では必須です',
  'is required unless a template is given': 'テンプレートを指定しない場合は必須です',
  'is used twice': '重複しています',
  'needs contactId or segmentId': 'contactId か segmentId を指定してください',
  'needs exactly one score question': 'スコアの質問はちょうど 1 つにしてください',
  'the first question must be the score': '最初の質問はスコアの質問にしてください',
  'this survey has no comment question': 'このアンケートには自由記述の質問がありません',
  // Customers and conversations
  'a team with this name exists': '同じ名前のチームがあります',
  'already exists': 'すでに存在します',
  'already exists; reload and try again.': 'すでに存在します。再読み込みしてからもう一度お試しください',
  'is already a member of this workspace': 'すでにこのワークスペースのメンバーです',
  'is not a member of the team': 'このチームのメンバーではありません',
  'is not the customer of the conversation': 'この会話の顧客ではありません',
  'is not the password of the existing account for this email':
    'このメールアドレスの既存アカウントのパスワードと一致しません',
  'is unknown, used or expired': '不明、使用済み、または有効期限切れです',
  'is used by another script': '別の定型文で使われています',
  'must be another contact': '別の顧客を指定してください',
  'needs contactId, email, phone or externalId': 'contactId・email・phone・externalId のいずれかを指定してください',
  '"me" needs a logged-in member, not an API key': '"me" は API キーではなくログイン中のメンバーで使えます',
  // Lists and queries
  'is invalid': '正しくありません',
  'is listed twice': '2 回指定されています',
  'is required': '必須です',
  'is required with by': 'by と一緒に指定してください',
  'is required with key': 'key と一緒に指定してください',
  'is not a cursor returned by this API': 'この API が返したカーソルではありません',
  'must be a date such as 2025-04-01': '2025-04-01 のような日付にしてください',
  'must be a date such as 2026-04-01': '2026-04-01 のような日付にしてください',
  'must be a date such as 2026-11-03': '2026-11-03 のような日付にしてください',
  'must be after createdAfter': 'createdAfter より後にしてください',
  'must be after start': '開始より後にしてください',
  'must be on or after from': '開始日以降にしてください',
  'must be on or after startsOn': '開始日（startsOn）以降にしてください',
  'must not be before from': '開始日より前にはできません',
  'must not be before fromYear': 'fromYear より前にはできません',
  'must be true or false': 'true か false にしてください',
  'give either year or fromYear and toYear': 'year か、fromYear と toYear のどちらかを指定してください',
  'must be a CSV file sent as text/csv': 'text/csv として送った CSV ファイルにしてください',
  // Automation and SLA
  'give a member or round robin, not both': 'メンバーかラウンドロビンのどちらか一方にしてください',
  'give userId or teamId': 'userId か teamId を指定してください',

  'is archived': 'アーカイブ済みです',
  'is empty': '空です',
  'lists a member twice': '同じメンバーが 2 回指定されています',
  'must be a number': '数値にしてください',
  'must be text or a number': '文字列か数値にしてください',
  'name at least one member, or the assignee': 'メンバーを 1 人以上、または担当者を指定してください',
  'needs an event trigger: time-based rules have no event to send':
    'イベントで動くルールにしてください。時間で動くルールには送るイベントがありません',
  'round robin needs a team': 'ラウンドロビンにはチームが必要です',
  'another policy is already the default': '別のポリシーがすでに既定です',
  'must be empty for the default policy: it applies when no other policy does':
    '既定のポリシーでは空にしてください（ほかのどのポリシーにも当たらないときに使われます）',
  'set at least one target (first response, next response or resolution)':
    '目標を 1 つ以上設定してください（初回応答・次回応答・解決）',
  // Recovery and goals
  'is required to close a case: recovered, not_recovered or unreachable':
    'ケースを閉じるには必須です（recovered・not_recovered・unreachable）',
  'is required: no answer opened this case and the recovery settings name no follow-up survey':
    '必須です。このケースは回答から開かれておらず、リカバリー設定にフォローアップのアンケートもありません',
  'is required: say why the conversation is escalated': '必須です。エスカレーションの理由を書いてください',
  'is set when the case is closed: send status "closed" with it':
    'ケースを閉じるときに設定します。status "closed" と一緒に送ってください',
  'must be a CSAT, NPS or CES survey (a custom rating cannot measure the outcome)':
    'CSAT・NPS・CES のアンケートにしてください（カスタム評価では結果を測れません）',
  'must be a CSAT, NPS or CES survey: a custom rating cannot measure the outcome':
    'CSAT・NPS・CES のアンケートにしてください（カスタム評価では結果を測れません）',
  'must keep the step with key "contact" (it records the first contact)':
    'key が "contact" のステップは残してください（最初の連絡を記録します）',
  'needs conversationId or contactId': 'conversationId か contactId を指定してください',
  'the customer has no email address; send a link instead':
    '顧客にメールアドレスがありません。代わりにリンクを送ってください',
  'the customer unsubscribed from survey emails; send a link instead':
    '顧客はアンケートメールの配信を停止しています。代わりにリンクを送ってください',
  'must be a percentage from 0 to 100': '0〜100 のパーセントにしてください',
  'must be an NPS from -100 to 100': '-100〜100 の NPS にしてください',
  'must be empty for a workspace goal': 'ワークスペース全体の目標では空にしてください',
  'must be the id of a team of this workspace': 'このワークスペースのチームの ID にしてください',
  'must not be negative': '0 以上にしてください',
  // Webhooks
  'must be an absolute URL such as https://example.com/webhooks/koe':
    'https://example.com/webhooks/koe のような完全な URL にしてください',
  'must name a host': 'ホスト名を含めてください',
  'must not contain a user name or password; the signature authenticates Koe':
    'ユーザー名やパスワードは含めないでください（Koe は署名で認証されます）',
  'must start with https:// or http://': 'https:// か http:// で始めてください',
  'the webhook is disabled': 'Webhook は無効です',
  'the webhook is disabled; enable it to retry deliveries': 'Webhook は無効です。再送するには有効にしてください',
  'the webhook is disabled; enable it to send a test': 'Webhook は無効です。テスト送信するには有効にしてください',
};

type Rewrite = [RegExp, (...parts: string[]) => string];

/** Messages with values in them; each part keeps the value as the English message gave it. */
const PATTERNS: Rewrite[] = [
  [/^is not an? (.+) of this workspace$/, (what) => `このワークスペースの${noun(what)}ではありません`],
  [/^must be between (\S+) and (\S+)$/, (min, max) => `${min}〜${max} の範囲にしてください`],
  [
    /^selects more than (\d+) contacts; narrow the segment$/,
    (n) => `${n} 人を超えています。セグメントを絞り込んでください`,
  ],
  [
    /^cannot change a (\S+) survey into (\S+); create a new survey$/,
    (from, to) => `${from} のアンケートを ${to} に変えることはできません。新しいアンケートを作成してください`,
  ],
  [/^already belongs to (company|contact) (.+)$/, (what, id) => `すでに${noun(what)} ${id} に使われています`],
  [/^does not apply to (.+)$/, (what) => `${what} には使えません`],
  [
    /^is not a (\S+) of the period \(its start date, YYYY-MM-DD\)$/,
    (unit) => `期間内の${noun(unit)}ではありません（開始日を YYYY-MM-DD で指定してください）`,
  ],
  [/^must be on or after (\S+)$/, (day) => `${day} 以降にしてください`],
  [/^must be on or before (\S+)$/, (day) => `${day} 以前にしてください`],
  [/^must be less than (\d+) years after from$/, (n) => `開始日から ${n} 年未満にしてください`],
  [/^must be at most (\S+) MB$/, (n) => `${n} MB 以下にしてください`],
  [/^must be one of (.+)$/, (values) => `次のいずれかにしてください: ${values}`],
  [/^must be the id of an? (.+)$/, (what) => `${noun(what)}の ID にしてください`],
  [/^is nested deeper than (\d+) levels$/, (n) => `入れ子は ${n} 段までにしてください`],
  [/^is required for (\S+)$/, (op) => `${op} では必須です`],
  [/^must be left out for (\S+)$/, (op) => `${op} では指定しないでください`],
  [/^must be a number for (\S+)$/, (op) => `${op} では数値にしてください`],
  [/^must be a non-empty list for (\S+)$/, (op) => `${op} では 1 件以上のリストにしてください`],
  [/^must be a single value for (\S+)$/, (op) => `${op} では値を 1 つにしてください`],
  [/^groups may be nested at most (\d+) deep$/, (n) => `グループの入れ子は ${n} 段までです`],
  [/^a rule may test at most (\d+) conditions$/, (n) => `1 つのルールで使える条件は ${n} 個までです`],
  [/^"(.+)" is not a field rules can test$/, (field) => `"${field}" はルールの条件に使えない項目です`],
  [/^"(.+)" is not available for (.+)$/, (field, when) => `"${field}" は ${when} では使えません`],
  [/^"(.+)" does not apply to (.+)$/, (op, field) => `"${op}" は ${field} には使えません`],
  [
    /^does not fit the rule's (conditions|actions) \((.+)\); send \1 with it$/,
    (part, why) =>
      `ルールの${part === 'conditions' ? '条件' : 'アクション'}に合いません（${why}）。${part} も一緒に送ってください`,
  ],
  [
    /^must list every rule \((\d+)\), in the new order$/,
    (n) => `すべてのルール（${n} 件）を新しい順番で並べてください`,
  ],
  [/^must list every policy; missing: (.+)$/, (names) => `すべてのポリシーを並べてください。足りないもの: ${names}`],
  [/^"(.+)" is already the default policy$/, (name) => `"${name}" がすでに既定のポリシーです`],
  [
    /^"(.+)" is already measured by the calendar "(.+)"$/,
    (channel, calendar) => `"${channel}" はすでにカレンダー "${calendar}" で測っています`,
  ],
  [
    /^SLA deadlines count in this calendar \((.+)\); choose another calendar there first$/,
    (names) => `SLA の期限がこのカレンダーで数えられています（${names}）。先にそちらで別のカレンダーを選んでください`,
  ],
  [
    /^must not be below the conversation's current tier \((.+)\)$/,
    (tier) => `会話の現在の段階（${tier}）より下にはできません`,
  ],
  [
    /^the conversation already has an open case \(#(\d+)\); work on that one$/,
    (n) => `この会話にはすでに対応中のケース（#${n}）があります。そちらで対応してください`,
  ],
];

/** A refusal's Japanese wording, or undefined when Koe has none (the English is then kept). */
export function japaneseRefusal(message: string): string | undefined {
  const exact = EXACT[message];
  if (exact) return exact;
  for (const [pattern, rewrite] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return rewrite(...match.slice(1));
  }
  return undefined;
}

/**
 * A 4xx problem worded in Japanese where Koe has the words: each field's message, and the
 * detail (`field: message`). Anything without a translation keeps its English.
 */
export function japaneseProblem(problem: HttpProblem): HttpProblem {
  if (problem.status >= 500 || !problem.errors) return problem;
  const errors = problem.errors.map((error) => ({
    ...error,
    message: japaneseRefusal(error.message) ?? error.message,
  }));
  const separator = problem.message.indexOf(': ');
  const detail =
    separator > 0
      ? `${problem.message.slice(0, separator)}: ${japaneseRefusal(problem.message.slice(separator + 2)) ?? problem.message.slice(separator + 2)}`
      : problem.message;
  return new HttpProblem(problem.status, problem.title, detail, errors, problem.headers);
}
