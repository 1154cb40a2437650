import { Badge, Tooltip } from '@mantine/core';
import { IconAlarm, IconClock, IconClockExclamation, IconClockPause } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaTargetSummary } from '../../shared/contracts/sla-targets.ts';
import { formatDateTime } from '../lib/format.ts';
import { formatShortDuration, type SlaTone, slaClockView } from '../lib/slaClock.ts';
import { useLocale } from '../lib/useLocale.ts';

const LOOK: Record<SlaTone, { color: string; icon: ReactNode; variant: 'light' | 'filled' | 'outline' }> = {
  overdue: { color: 'red', icon: <IconAlarm size={12} />, variant: 'filled' },
  warning: { color: 'orange', icon: <IconClockExclamation size={12} />, variant: 'light' },
  running: { color: 'gray', icon: <IconClock size={12} />, variant: 'light' },
  paused: { color: 'gray', icon: <IconClockPause size={12} />, variant: 'outline' },
};

/** The current time, refreshed every `every` ms, so a countdown stays true without a reload. */
function useNow(every = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(timer);
  }, [every]);
  return now;
}

/**
 * A conversation's SLA due badge: time left to the nearest deadline (amber once its warning
 * time is reached), time overdue in red, or paused while the conversation is pending —
 * always with an icon and words, the target and exact time on hover. Nothing without a clock.
 */
export function SlaBadge({
  targets,
  size = 'sm',
  compact = false,
}: {
  targets: readonly SlaTargetSummary[];
  size?: 'xs' | 'sm' | 'md';
  /** Time only, in whole hours or days from two hours on (a list row); the target's name and exact time stay in the tooltip. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const view = slaClockView(targets, now);
  if (!view) return null;
  const look = LOOK[view.tone];
  const time = formatShortDuration(view.seconds, locale, compact);
  const target = t(`sla.kinds.${view.target.kind}`);
  const policy = view.target.policyName ?? 'SLA';
  const label =
    view.tone === 'overdue'
      ? t('sla.badge.overdue', { time })
      : view.tone === 'paused'
        ? view.target.remainingSeconds === null
          ? t('sla.badge.breached')
          : t('sla.badge.pausedLeft', { time })
        : view.seconds < 60
          ? t('sla.badge.dueNow')
          : t('sla.badge.dueIn', { time });
  const tooltip =
    view.tone === 'paused'
      ? t('sla.badge.tooltipPaused', { target, time, policy })
      : t('sla.badge.tooltip', {
          target,
          due: view.target.dueAt ? formatDateTime(view.target.dueAt, locale) : '',
          policy,
        });
  return (
    <Tooltip label={tooltip} multiline maw={320}>
      <Badge
        color={look.color}
        variant={look.variant}
        leftSection={look.icon}
        radius="sm"
        tt="none"
        size={size}
        data-testid="sla-badge"
        data-tone={view.tone}
        style={{ flexShrink: 0 }}
      >
        {compact ? label : `${target} · ${label}`}
      </Badge>
    </Tooltip>
  );
}
