import { Spoiler, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Customer text as text (escaped by React), collapsed when long. */
export function CollapsibleText({ text, maxHeight = 220 }: { text: string; maxHeight?: number }) {
  const { t } = useTranslation();
  return (
    <Spoiler maxHeight={maxHeight} showLabel={t('common.showMore')} hideLabel={t('common.showLess')}>
      <Text size="sm" className="koe-text">
        {text}
      </Text>
    </Spoiler>
  );
}
