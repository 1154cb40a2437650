import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconMessages, IconMoodSmile } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExportKind } from '../../../shared/contracts/exports.ts';
import { type InsightsFilters, metricsPath } from '../../api/metrics.ts';

/** The CSV export of a kind with the filters on screen; a byte order mark so Excel reads Japanese text. */
export const exportCsvUrl = (kind: ExportKind, filters: InsightsFilters) =>
  `/api/v1${metricsPath(`/exports/${kind}.csv`, filters, { bom: 'true' })}`;

const ITEMS: { kind: ExportKind; icon: typeof IconMessages }[] = [
  { kind: 'conversations', icon: IconMessages },
  { kind: 'responses', icon: IconMoodSmile },
];

/** "CSV で書き出す": the conversations or survey responses behind the page, with its period and filters. */
export function ExportMenu({ filters, compact = false }: { filters: InsightsFilters; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" width={300} withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          px={compact ? 'xs' : undefined}
          aria-label={compact ? t('insights.export.button') : undefined}
          data-testid="insights-export"
        >
          {compact ? null : t('insights.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="xs" c="dimmed">
            {t('insights.export.hint')}
          </Text>
        </Menu.Label>
        {ITEMS.map(({ kind, icon: Icon }) => (
          <Menu.Item
            key={kind}
            component="a"
            href={exportCsvUrl(kind, filters)}
            download
            leftSection={<Icon size={16} />}
            data-testid={`insights-export-${kind}`}
          >
            <Text size="sm">{t(`insights.export.${kind}`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`insights.export.${kind}Hint`)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
