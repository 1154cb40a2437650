import { ActionIcon, Group, MultiSelect, NumberInput, Select, TagsInput, TextInput, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  ATTRIBUTE_FIELD,
  AUTOMATION_FIELDS,
  type AutomationFieldGroup,
  type ConditionOperatorName,
  OPERATORS_BY_TYPE,
} from '../../../../shared/contracts/automation.ts';
import { type ConditionDraft, type ConditionValue, fieldSpec, withField, withOperator } from './draft.ts';
import { enumOptions, fieldLabel } from './labels.ts';
import { type Choices, withCurrent } from './useChoices.ts';

interface ConditionRowProps {
  condition: ConditionDraft;
  onChange: (condition: ConditionDraft) => void;
  onRemove: () => void;
  groups: readonly AutomationFieldGroup[];
  choices: Choices;
  path: string;
  error: (path: string) => string | undefined;
}

/** "contact.attributes.tier" → the picker's "contact.attributes." entry and the key "tier". */
function splitAttribute(field: string): { pick: string; key: string | null } {
  const attribute = ATTRIBUTE_FIELD.exec(field);
  if (attribute) return { pick: `${attribute[1]}.attributes.`, key: attribute[2] ?? '' };
  if (field.endsWith('.attributes.')) return { pick: field, key: '' };
  return { pick: field, key: null };
}

/** One condition: field, comparison, value (shaped for the field: a list, a number, members …). */
export function ConditionRow({ condition, onChange, onRemove, groups, choices, path, error }: ConditionRowProps) {
  const { t } = useTranslation();
  const { pick, key } = splitAttribute(condition.field);
  const spec = fieldSpec(condition.field);
  const fieldData = groups.map((group) => ({
    group: t(`automation.fieldGroups.${group}`),
    items: [
      ...AUTOMATION_FIELDS.filter((f) => f.group === group).map((f) => ({
        value: f.field,
        label: fieldLabel(f.field, t, true),
      })),
      ...(group === 'contact' || group === 'company'
        ? [{ value: `${group}.attributes.`, label: fieldLabel(`${group}.attributes.`, t) }]
        : []),
    ],
  }));
  const ops = spec ? OPERATORS_BY_TYPE[spec.type] : [];
  const shortLabel = (value: string) =>
    value.endsWith('.attributes.') ? t('automation.editor.customAttribute') : fieldLabel(value, t);
  const fieldError = error(`${path}.field`);
  return (
    <Group gap="xs" align="flex-start" wrap="wrap" data-testid="condition-row">
      <Select
        aria-label={t('automation.editor.field')}
        data={fieldData}
        value={pick}
        onChange={(value) => value && onChange(withField(condition, value))}
        allowDeselect={false}
        searchable
        // The group is the heading above the option: the option names only the field.
        renderOption={({ option }) => shortLabel(option.value)}
        w={240}
        error={key === null ? fieldError : undefined}
        data-testid="condition-field"
      />
      {key !== null && (
        <TextInput
          aria-label={t('automation.editor.attributeKey')}
          placeholder={t('automation.editor.attributePlaceholder')}
          value={key}
          onChange={(event) => onChange({ ...condition, field: `${pick}${event.currentTarget.value.trim()}` })}
          w={140}
          error={fieldError}
          data-testid="condition-attribute"
        />
      )}
      <Select
        aria-label={t('automation.editor.operator')}
        data={ops.map((op) => ({ value: op, label: t(`automation.operators.${op}`) }))}
        value={condition.op}
        onChange={(op) => op && onChange(withOperator(condition, op as ConditionOperatorName))}
        allowDeselect={false}
        w={170}
        error={error(`${path}.op`) ? ' ' : undefined}
        data-testid="condition-op"
      />
      <ValueInput
        condition={condition}
        choices={choices}
        onChange={(value) => onChange({ ...condition, value })}
        error={error(`${path}.value`)}
      />
      <Tooltip label={t('automation.editor.removeCondition')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          mt={6}
          aria-label={t('automation.editor.removeCondition')}
          onClick={onRemove}
        >
          <IconX size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function ValueInput({
  condition,
  choices,
  onChange,
  error,
}: {
  condition: ConditionDraft;
  choices: Choices;
  onChange: (value: ConditionValue) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const { op, value } = condition;
  if (op === 'is_set' || op === 'is_not_set') return null;
  const spec = fieldSpec(condition.field);
  const multi = op === 'in' || op === 'not_in';
  const common = {
    'aria-label': t('automation.editor.value'),
    error,
    style: { flex: 1, minWidth: 200 },
    'data-testid': 'condition-value',
  };
  const list = Array.isArray(value) ? value : [];
  const single = Array.isArray(value) ? (value[0] ?? '') : value === undefined ? '' : String(value);
  const options =
    spec?.type === 'user'
      ? choices.members
      : spec?.type === 'team'
        ? choices.teams
        : spec?.type === 'survey'
          ? choices.allSurveys
          : enumOptions(condition.field, t);
  if (options) {
    const data = withCurrent(options, ...(multi ? list : [single]));
    return multi ? (
      <MultiSelect {...common} data={data} value={list} onChange={onChange} searchable />
    ) : (
      <Select {...common} data={data} value={single || null} onChange={(v) => onChange(v ?? undefined)} searchable />
    );
  }
  if (multi) {
    return (
      <TagsInput
        {...common}
        placeholder={list.length === 0 ? t('automation.editor.valuesPlaceholder') : undefined}
        value={list}
        onChange={onChange}
      />
    );
  }
  if (spec?.type === 'number') {
    return (
      <NumberInput
        {...common}
        value={typeof value === 'number' ? value : single === '' ? '' : Number(single)}
        onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      />
    );
  }
  return <TextInput {...common} value={single} onChange={(event) => onChange(event.currentTarget.value)} />;
}
