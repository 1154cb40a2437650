import { Text, type TextProps, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatDateTime, formatRelative } from '../lib/format.ts';
import { useLocale } from '../lib/useLocale.ts';

/** "5 分前" that keeps itself current, with the exact time on hover. */
export function RelativeTime({ iso, ...props }: { iso: string } & TextProps) {
  const locale = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Tooltip label={formatDateTime(iso, locale)}>
      <Text component="time" dateTime={iso} size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} {...props}>
        {formatRelative(iso, locale, now)}
      </Text>
    </Tooltip>
  );
}
