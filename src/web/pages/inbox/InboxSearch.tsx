import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDebouncedText } from './FilterBar.tsx';

/** Search over subject, messages and customer (Japanese works), above the list. */
export function InboxSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useDebouncedText(value, onSearch);
  return (
    <TextInput
      type="search"
      aria-label={t('common.search')}
      placeholder={t('inbox.searchPlaceholder')}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      data-testid="inbox-search"
    />
  );
}
