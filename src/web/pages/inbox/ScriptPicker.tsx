import { Box, Group, Kbd, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReplyScript } from '../../../shared/contracts/conversations.ts';
import { pickLanguage, renderScript, type ScriptContext } from '../../../shared/scripts.ts';

interface ScriptPickerProps {
  scripts: ReplyScript[];
  activeIndex: number;
  language: string;
  context: ScriptContext;
  onPick: (script: ReplyScript) => void;
  onHover: (index: number) => void;
}

export const scriptOptionId = (index: number) => `reply-script-option-${index}`;

/** Scripts matching what follows "/" in the reply box. */
export function filterScripts(scripts: ReplyScript[], query: string): ReplyScript[] {
  const q = query.toLowerCase();
  return scripts
    .filter((s) => s.shortcut.startsWith(q) || s.name.toLowerCase().includes(q))
    .sort(
      (a, b) =>
        Number(b.shortcut.startsWith(q)) - Number(a.shortcut.startsWith(q)) || a.shortcut.localeCompare(b.shortcut),
    );
}

export function ScriptPicker({ scripts, activeIndex, language, context, onPick, onHover }: ScriptPickerProps) {
  const { t } = useTranslation();
  if (scripts.length === 0) {
    return (
      <Box p="sm">
        <Text size="sm">{t('reply.noScripts')}</Text>
        <Text size="xs" c="dimmed">
          {t('reply.scriptsHint')}
        </Text>
      </Box>
    );
  }
  return (
    <Stack
      gap={0}
      role="listbox"
      id="reply-script-list"
      aria-label={t('reply.scripts')}
      mah={280}
      style={{ overflowY: 'auto' }}
    >
      {scripts.map((script, index) => (
        <UnstyledButton
          key={script.id}
          id={scriptOptionId(index)}
          role="option"
          aria-selected={index === activeIndex}
          data-testid="script-option"
          px="sm"
          py={6}
          bg={index === activeIndex ? 'koe.0' : undefined}
          onMouseEnter={() => onHover(index)}
          // Keep focus in the textarea while choosing with the mouse.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(script)}
        >
          <Group gap="xs" wrap="nowrap">
            <Kbd size="xs">/{script.shortcut}</Kbd>
            <Text size="sm" fw={500} truncate>
              {script.name}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {renderScript(pickLanguage(script.bodies, language), context)}
          </Text>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
