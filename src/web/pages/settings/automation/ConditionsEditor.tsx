import { ActionIcon, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconFolderPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AutomationFieldGroup } from '../../../../shared/contracts/automation.ts';
import { ToggleGroup } from '../../../components/ToggleGroup.tsx';
import { ConditionRow } from './ConditionRow.tsx';
import { type ConditionDraft, emptyGroup, type GroupDraft, isGroup, newKey } from './draft.ts';
import type { Choices } from './useChoices.ts';

const MAX_DEPTH = 3;

interface ConditionsEditorProps {
  group: GroupDraft;
  onChange: (group: GroupDraft) => void;
  /** The field groups the trigger offers. */
  groups: readonly AutomationFieldGroup[];
  choices: Choices;
  /** `conditions`, `conditions.conditions.1` …: where the server names this group's errors. */
  path: string;
  error: (path: string) => string | undefined;
  depth?: number;
  onRemove?: () => void;
}

/** If: a group of conditions matched all (AND) or any (OR), with nested groups. */
export function ConditionsEditor({
  group,
  onChange,
  groups,
  choices,
  path,
  error,
  depth = 1,
  onRemove,
}: ConditionsEditorProps) {
  const { t } = useTranslation();
  const setItem = (index: number, item: ConditionDraft | GroupDraft | null) =>
    onChange({
      ...group,
      items:
        item === null
          ? group.items.filter((_, i) => i !== index)
          : group.items.map((it, i) => (i === index ? item : it)),
    });
  const firstField = groups[0] === 'conversation' ? 'conversation.priority' : 'conversation.channel';
  const addCondition = () =>
    onChange({
      ...group,
      items: [...group.items, { key: newKey(), field: firstField, op: 'eq', value: undefined }],
    });
  const addGroup = () =>
    onChange({ ...group, items: [...group.items, emptyGroup(group.match === 'all' ? 'any' : 'all')] });

  const content = (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <ToggleGroup
          label={t('automation.editor.if')}
          value={group.match}
          onChange={(match) => onChange({ ...group, match })}
          testId={`match-${path}`}
          options={[
            { value: 'all', label: t('automation.editor.match.all'), testId: `match-all-${path}` },
            { value: 'any', label: t('automation.editor.match.any'), testId: `match-any-${path}` },
          ]}
        />
        {onRemove && (
          <Tooltip label={t('automation.editor.removeGroup')}>
            <ActionIcon variant="subtle" color="red" aria-label={t('automation.editor.removeGroup')} onClick={onRemove}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {group.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('automation.editor.noConditions')}
        </Text>
      )}
      {group.items.map((item, index) => {
        const itemPath = `${path}.conditions.${index}`;
        return isGroup(item) ? (
          <ConditionsEditor
            key={item.key}
            group={item}
            onChange={(next) => setItem(index, next)}
            onRemove={() => setItem(index, null)}
            groups={groups}
            choices={choices}
            path={itemPath}
            error={error}
            depth={depth + 1}
          />
        ) : (
          <ConditionRow
            key={item.key}
            condition={item}
            onChange={(next) => setItem(index, next)}
            onRemove={() => setItem(index, null)}
            groups={groups}
            choices={choices}
            path={itemPath}
            error={error}
          />
        );
      })}
      <Group gap="xs">
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={addCondition}
          data-testid={`add-condition-${path}`}
        >
          {t('automation.editor.addCondition')}
        </Button>
        {depth < MAX_DEPTH && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFolderPlus size={14} />}
            onClick={addGroup}
            data-testid={`add-group-${path}`}
          >
            {t('automation.editor.addGroup')}
          </Button>
        )}
      </Group>
    </Stack>
  );
  if (depth === 1) return content;
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" data-testid="condition-group">
      {content}
    </Paper>
  );
}
