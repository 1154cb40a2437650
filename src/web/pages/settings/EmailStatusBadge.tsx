import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailStatus } from '../../../shared/contracts/email.ts';

export const STATUS_LOOK: Record<EmailStatus, { color: string; icon: ReactNode }> = {
  queued: { color: 'koe', icon: <IconClock size={12} /> },
  sent: { color: 'green', icon: <IconCircleCheck size={12} /> },
  captured: { color: 'grape', icon: <IconInbox size={12} /> },
  failed: { color: 'red', icon: <IconAlertTriangle size={12} /> },
};

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const { t } = useTranslation();
  const look = STATUS_LOOK[status];
  return (
    <Badge color={look.color} variant="light" leftSection={look.icon} radius="sm" data-testid="email-status">
      {t(`outbox.status.${status}`)}
    </Badge>
  );
}
