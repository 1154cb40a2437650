import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAppWindow, IconCircleCheck, IconLink, IconMail } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../../shared/contracts/surveys.ts';
import { formatMinutes } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';

function Item({ icon, label, detail }: { icon: ReactNode; label: string; detail: string }) {
  return (
    <Tooltip label={detail} multiline maw={280}>
      <Badge variant="default" radius="sm" leftSection={icon} fw={500}>
        {label}
      </Badge>
    </Tooltip>
  );
}

/** How a survey reaches people, in a few words: after resolution, email, widget, link. */
export function DistributionSummary({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { afterResolution, widget, email, anonymousLink } = survey.settings;
  const items: ReactNode[] = [];

  if (afterResolution.enabled) {
    const delay =
      afterResolution.delayMinutes === 0
        ? t('surveys.immediately')
        : formatMinutes(afterResolution.delayMinutes, locale);
    const channels = afterResolution.channels.map((c) => t(`channel.${c}`)).join('・');
    items.push(
      <Item
        key="after"
        icon={<IconCircleCheck size={12} />}
        label={t('surveys.afterResolutionShort', { delay })}
        detail={channels ? t('surveys.onlyChannels', { channels }) : t('surveys.allChannels')}
      />,
    );
  }
  if (email.reminderAfterDays !== null) {
    items.push(
      <Item
        key="email"
        icon={<IconMail size={12} />}
        label={t('surveys.reminderShort', { days: email.reminderAfterDays })}
        detail={t('surveys.reminderDetail', { days: email.reminderAfterDays })}
      />,
    );
  }
  if (widget.enabled) {
    items.push(
      <Item
        key="widget"
        icon={<IconAppWindow size={12} />}
        label={t('surveys.widgetShort', { count: widget.triggers.length })}
        detail={t('surveys.widgetDetail', { count: widget.triggers.length })}
      />,
    );
  }
  if (anonymousLink) {
    items.push(
      <Item key="link" icon={<IconLink size={12} />} label={t('surveys.linkShort')} detail={t('surveys.linkDetail')} />,
    );
  }

  if (items.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('surveys.manualOnly')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="wrap">
      {items}
    </Group>
  );
}
