import { ActionIcon, Button, Group, Input, NumberInput, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WidgetTrigger } from '../../../../shared/contracts/surveys.ts';

type TriggerType = WidgetTrigger['type'];

const DEFAULTS: Record<TriggerType, WidgetTrigger> = {
  event: { type: 'event', name: '' },
  url: { type: 'url', contains: '' },
  time_on_page: { type: 'time_on_page', seconds: 30 },
};

interface WidgetTriggersInputProps {
  value: WidgetTrigger[];
  onChange: (value: WidgetTrigger[]) => void;
  errorAt: (path: string) => string | undefined;
  disabled?: boolean;
}

/** When the widget shows the survey: a custom event, a page address, or time on the page. */
export function WidgetTriggersInput({ value, onChange, errorAt, disabled }: WidgetTriggersInputProps) {
  const { t } = useTranslation();
  const set = (index: number, trigger: WidgetTrigger) => onChange(value.map((v, i) => (i === index ? trigger : v)));
  const types: TriggerType[] = ['event', 'url', 'time_on_page'];

  return (
    <Input.Wrapper
      label={t('surveyEditor.widgetTriggers')}
      description={t('surveyEditor.widgetTriggersHint')}
      error={errorAt('settings.widget.triggers')}
    >
      <Stack gap="xs" mt={6}>
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('surveyEditor.noTriggers')}
          </Text>
        )}
        {value.map((trigger, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: triggers have no id; the list is short and edited in place
          <Group key={index} gap="xs" wrap="nowrap" align="flex-start" data-testid="widget-trigger">
            <Select
              aria-label={t('surveyEditor.triggerType')}
              data={types.map((type) => ({ value: type, label: t(`surveyEditor.trigger.${type}`) }))}
              value={trigger.type}
              onChange={(type) => type && set(index, DEFAULTS[type as TriggerType])}
              allowDeselect={false}
              w={170}
              disabled={disabled}
            />
            {trigger.type === 'event' && (
              <TextInput
                aria-label={t('surveyEditor.trigger.event')}
                placeholder="checkout_completed"
                ff="monospace"
                value={trigger.name}
                onChange={(event) => set(index, { ...trigger, name: event.currentTarget.value })}
                description={trigger.name ? `koe('track', '${trigger.name}')` : undefined}
                style={{ flex: 1 }}
                error={errorAt(`settings.widget.triggers.${index}`)}
                disabled={disabled}
              />
            )}
            {trigger.type === 'url' && (
              <TextInput
                aria-label={t('surveyEditor.trigger.url')}
                placeholder="/thanks"
                value={trigger.contains}
                onChange={(event) => set(index, { ...trigger, contains: event.currentTarget.value })}
                description={t('surveyEditor.urlContains')}
                style={{ flex: 1 }}
                error={errorAt(`settings.widget.triggers.${index}`)}
                disabled={disabled}
              />
            )}
            {trigger.type === 'time_on_page' && (
              <NumberInput
                aria-label={t('surveyEditor.trigger.time_on_page')}
                min={1}
                max={3600}
                value={trigger.seconds}
                onChange={(seconds) => set(index, { ...trigger, seconds: Number(seconds) || 1 })}
                suffix={` ${t('surveyEditor.seconds')}`}
                style={{ flex: 1 }}
                error={errorAt(`settings.widget.triggers.${index}`)}
                disabled={disabled}
              />
            )}
            <Tooltip label={t('surveyEditor.removeTrigger')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={4}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
                aria-label={t('surveyEditor.removeTrigger')}
                disabled={disabled}
              >
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...value, DEFAULTS.event])}
            disabled={disabled || value.length >= 20}
          >
            {t('surveyEditor.addTrigger')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
