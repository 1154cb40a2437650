import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

interface SearchInputProps {
  label: string;
  placeholder: string;
  initial?: string;
  onSearch: (q: string) => void;
  autoFocus?: boolean;
}

/** A search box that waits for a pause in typing before searching. */
export function SearchInput({ label, placeholder, initial = '', onSearch, autoFocus }: SearchInputProps) {
  const [text, setText] = useState(initial);
  const search = useDebouncedCallback(onSearch, 300);
  return (
    <TextInput
      type="search"
      aria-label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      autoFocus={autoFocus}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      maw={420}
    />
  );
}
