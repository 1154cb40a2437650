import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface EditDeleteActionsProps {
  /** Named in the buttons' accessible labels ("Edit: Billing"). */
  name: string;
  onEdit(): void;
  onDelete(): void;
  justify?: 'flex-end';
}

/** The pencil and trash buttons of a row in a settings list. */
export function EditDeleteActions({ name, onEdit, onDelete, justify }: EditDeleteActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify={justify}>
      <Tooltip label={t('common.edit')}>
        <ActionIcon variant="subtle" aria-label={`${t('common.edit')}: ${name}`} onClick={onEdit}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('common.delete')}>
        <ActionIcon variant="subtle" color="red" aria-label={`${t('common.delete')}: ${name}`} onClick={onDelete}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
