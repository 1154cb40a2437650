/** Japanese messages of the notification bell and the notification settings. */
export const notificationsJa = {
  notifications: {
    bell: '通知',
    bellUnread: '通知（未読 {{count}} 件）',
    title: '通知',
    empty: '通知はまだありません',
    emptyHint:
      '会話の担当になったとき、メモでメンション（@ + メールアドレスか表示名）されたとき、エスカレーションやリカバリーケースがあなたに来たとき、SLA の期限が近づいたときに、ここでお知らせします。',
    markAllRead: 'すべて既読にする',
    markRead: '既読にする',
    unreadBadge: '未読',
    loadFailed: '通知を読み込めませんでした。',
    settings: '通知の設定',
    settingsTitle: '通知の設定',
    digest: '毎日のまとめメール',
    digestHint: '未読の通知を 1 日 1 通のメールにまとめて送ります。新しい未読がない日は送りません。',
    digestHour: '送る時刻',
    digestHourHint: 'ワークスペースのタイムゾーン（{{timeZone}}）の時刻です。',
    hourOption: '{{hour}}:00',
    lastDigest: '前回の送信: {{time}}',
    mentionHelp: 'メモで同僚に知らせるには、@ に続けてメールアドレスか表示名（スペースは省略可）を書きます。',
    saved: '通知の設定を保存しました',
  },
};
