export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const NOTIFICATION_TYPES = ['assigned', 'mentioned', 'escalated', 'sla_warning', 'recovery_due'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
