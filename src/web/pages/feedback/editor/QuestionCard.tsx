import { ActionIcon, Badge, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface QuestionCardProps {
  title: string;
  badge?: ReactNode;
  /** Shown at the bottom of the card, e.g. the stored id. */
  footer?: ReactNode;
  onMove?: (by: -1 | 1) => void;
  canMoveUp?: boolean;
  canMoveDown?: boolean;
  onRemove?: () => void;
  children: ReactNode;
  testId?: string;
}

/** The frame every question is edited in: title, reorder and remove, then its fields. */
export function QuestionCard({
  title,
  badge,
  footer,
  onMove,
  canMoveUp,
  canMoveDown,
  onRemove,
  children,
  testId,
}: QuestionCardProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Group justify="space-between" wrap="nowrap" mb="sm">
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} size="sm">
            {title}
          </Text>
          {badge}
        </Group>
        <Group gap={2} wrap="nowrap">
          {onMove && (
            <>
              <Tooltip label={t('surveyEditor.moveUp')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={!canMoveUp}
                  onClick={() => onMove(-1)}
                  aria-label={`${t('surveyEditor.moveUp')}: ${title}`}
                >
                  <IconArrowUp size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('surveyEditor.moveDown')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  disabled={!canMoveDown}
                  onClick={() => onMove(1)}
                  aria-label={`${t('surveyEditor.moveDown')}: ${title}`}
                >
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Tooltip>
            </>
          )}
          {onRemove && (
            <Tooltip label={t('surveyEditor.removeQuestion')}>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onRemove}
                aria-label={`${t('surveyEditor.removeQuestion')}: ${title}`}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
      <Stack gap="sm">{children}</Stack>
      {footer && (
        <Group gap={6} mt="sm">
          {footer}
        </Group>
      )}
    </Paper>
  );
}

/** The id answers are stored under, or a note that it is made on save. */
export function StoredId({ id, isNew }: { id: string; isNew: boolean }) {
  const { t } = useTranslation();
  if (isNew) {
    return (
      <Text size="xs" c="dimmed">
        {t('surveyEditor.idOnSave')}
      </Text>
    );
  }
  return (
    <Tooltip label={t('surveyEditor.idHint')} multiline maw={280}>
      <Badge variant="light" color="gray" radius="sm" ff="monospace" tt="none" fw={500}>
        ID: {id}
      </Badge>
    </Tooltip>
  );
}
