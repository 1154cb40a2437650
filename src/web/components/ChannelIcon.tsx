import { Tooltip } from '@mantine/core';
import {
  IconApi,
  IconBrandHipchat,
  IconDeviceMobileMessage,
  IconMail,
  IconMessageCircle,
  IconPhone,
  IconStar,
  IconWorld,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../shared/contracts/conversations.ts';

const ICONS: Record<Channel, typeof IconMail> = {
  email: IconMail,
  chat: IconMessageCircle,
  in_app: IconDeviceMobileMessage,
  phone: IconPhone,
  social: IconBrandHipchat,
  review: IconStar,
  api: IconApi,
};

export function isChannel(value: string | null | undefined): value is Channel {
  return (CHANNELS as readonly string[]).includes(value ?? '');
}

/** The channel's icon with its name for screen readers and on hover. */
export function ChannelIcon({ channel, size = 16 }: { channel: string | null; size?: number }) {
  const { t } = useTranslation();
  const Icon = isChannel(channel) ? ICONS[channel] : IconWorld;
  const label = isChannel(channel) ? t(`channel.${channel}`) : (channel ?? t('common.unknown'));
  return (
    <Tooltip label={label}>
      <Icon size={size} aria-label={label} role="img" stroke={1.6} style={{ flexShrink: 0 }} />
    </Tooltip>
  );
}
