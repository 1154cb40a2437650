import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDeliveryStatus } from '../../../../shared/contracts/webhooks.ts';

export const DELIVERY_LOOK: Record<WebhookDeliveryStatus, { color: string; icon: ReactNode }> = {
  pending: { color: 'koe', icon: <IconClock size={12} /> },
  retrying: { color: 'orange', icon: <IconRefresh size={12} /> },
  succeeded: { color: 'green', icon: <IconCircleCheck size={12} /> },
  failed: { color: 'red', icon: <IconAlertTriangle size={12} /> },
};

/** A delivery's outcome: colour, icon and word (never colour alone). */
export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const { t } = useTranslation();
  const look = DELIVERY_LOOK[status];
  return (
    <Badge color={look.color} variant="light" leftSection={look.icon} radius="sm" data-testid="delivery-status">
      {t(`webhooks.status.${status}`)}
    </Badge>
  );
}
