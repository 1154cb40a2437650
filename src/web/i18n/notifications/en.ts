import type { notificationsJa } from './ja.ts';

/** English messages of the notification bell and the notification settings. */
export const notificationsEn: typeof notificationsJa = {
  notifications: {
    bell: 'Notifications',
    bellUnread: 'Notifications ({{count}} unread)',
    title: 'Notifications',
    empty: 'No notifications yet',
    emptyHint:
      'You are told here when a conversation is assigned to you, someone mentions you in a note (@ + email or display name), an escalation or a recovery case comes to you, or an SLA deadline nears.',
    markAllRead: 'Mark all read',
    markRead: 'Mark read',
    unreadBadge: 'Unread',
    loadFailed: 'Could not load your notifications.',
    settings: 'Notification settings',
    settingsTitle: 'Notification settings',
    digest: 'Daily email digest',
    digestHint: 'One email a day listing the notifications you have not read. No email on days with nothing new.',
    digestHour: 'Send at',
    digestHourHint: 'In the workspace time zone ({{timeZone}}).',
    hourOption: '{{hour}}:00',
    lastDigest: 'Last sent: {{time}}',
    mentionHelp:
      'To alert a teammate in a note, write @ followed by their email address or display name (spaces may be left out).',
    saved: 'Notification settings saved',
  },
};
