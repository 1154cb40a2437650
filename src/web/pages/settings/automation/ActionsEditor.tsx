import { ActionIcon, Badge, Button, Group, Menu, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AUTOMATION_ACTION_TYPES, type AutomationActionType } from '../../../../shared/contracts/automation.ts';
import { ActionFields } from './ActionFields.tsx';
import { type ActionDraft, newAction } from './draft.ts';
import type { Choices } from './useChoices.ts';

interface ActionsEditorProps {
  actions: ActionDraft[];
  onChange: (actions: ActionDraft[]) => void;
  choices: Choices;
  /** The error at a path of the rule (`actions.0.tag`). */
  error: (path: string) => string | undefined;
  timeBased: boolean;
}

/** Then: the actions in the order they run, each with its own inputs. */
export function ActionsEditor({ actions, onChange, choices, error, timeBased }: ActionsEditorProps) {
  const { t } = useTranslation();
  const typeData = AUTOMATION_ACTION_TYPES.map((type) => ({ value: type, label: t(`automation.actions.${type}`) }));
  const set = (index: number, action: ActionDraft) => onChange(actions.map((a, i) => (i === index ? action : a)));
  const move = (index: number, step: -1 | 1) => {
    const next = [...actions];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + step, 0, moved);
    onChange(next);
  };
  return (
    <Stack gap="sm">
      {actions.map((action, index) => (
        <Paper key={action.key} withBorder radius="md" p="sm" data-testid="action-card">
          <Group justify="space-between" wrap="nowrap" mb="sm">
            <Group gap="xs" wrap="nowrap">
              <Badge variant="light" circle>
                {index + 1}
              </Badge>
              <Select
                aria-label={t('automation.editor.thenLabel')}
                data={typeData}
                value={action.type}
                onChange={(type) =>
                  type &&
                  type !== action.type &&
                  set(index, { ...newAction(type as AutomationActionType), key: action.key })
                }
                allowDeselect={false}
                w={240}
                error={error(`actions.${index}.type`) ? ' ' : undefined}
                data-testid="action-type"
              />
            </Group>
            <Group gap={4} wrap="nowrap">
              <Tooltip label={t('automation.moveUp')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('automation.moveUp')}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('automation.moveDown')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('automation.moveDown')}
                  disabled={index === actions.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('automation.editor.removeAction')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('automation.editor.removeAction')}
                  onClick={() => onChange(actions.filter((_, i) => i !== index))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
          <ActionFields
            action={action}
            onChange={(next) => set(index, next)}
            choices={choices}
            error={(param) => error(`actions.${index}.${param}`)}
            timeBased={timeBased}
          />
        </Paper>
      ))}
      {error('actions') && (
        <Text size="sm" c="red.8" role="alert">
          {error('actions')}
        </Text>
      )}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            w="fit-content"
            data-testid="add-action"
          >
            {t('automation.editor.addAction')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {AUTOMATION_ACTION_TYPES.map((type) => (
            <Menu.Item
              key={type}
              onClick={() => onChange([...actions, newAction(type)])}
              data-testid={`add-action-${type}`}
            >
              {t(`automation.actions.${type}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
