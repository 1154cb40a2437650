import { ActionIcon, Button, Group, MultiSelect, SegmentedControl, Stack, TagsInput, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../../shared/contracts/customers.ts';
import { useCompanyList } from '../../../api/customers.ts';
import type { ConditionField, FilterDraft } from './segmentFilter.ts';

interface ConditionInputProps {
  field: ConditionField;
  draft: FilterDraft;
  onChange: (change: Partial<FilterDraft>) => void;
}

function CompanyPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const companies = useCompanyList(q);
  const options = (companies.data?.pages[0]?.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  // Keep chosen companies listed even when the search no longer finds them.
  const [known, setKnown] = useState<Record<string, string>>({});
  const data = [
    ...options,
    ...value.filter((id) => !options.some((o) => o.value === id)).map((id) => ({ value: id, label: known[id] ?? id })),
  ];
  return (
    <MultiSelect
      aria-label={t('segments.fields.companyIds')}
      placeholder={t('segments.companySearch')}
      data={data}
      value={value}
      onChange={(ids) => {
        setKnown((current) => ({ ...current, ...Object.fromEntries(options.map((o) => [o.value, o.label])) }));
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      style={{ flex: 1 }}
    />
  );
}

/** The value part of one condition row, shaped for its field. */
export function ConditionInput({ field, draft, onChange }: ConditionInputProps) {
  const { t } = useTranslation();
  const label = t(`segments.fields.${field}`);
  switch (field) {
    case 'locales':
      return (
        <TagsInput
          aria-label={label}
          data={['ja', 'en']}
          placeholder={t('segments.localesPlaceholder')}
          value={draft.locales}
          onChange={(locales) => onChange({ locales })}
          style={{ flex: 1 }}
        />
      );
    case 'lifecycleStages':
      return (
        <MultiSelect
          aria-label={label}
          data={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`customers.stages.${s}`) }))}
          value={draft.lifecycleStages}
          onChange={(value) => onChange({ lifecycleStages: value as LifecycleStage[] })}
          style={{ flex: 1 }}
        />
      );
    case 'plans':
      return (
        <TagsInput
          aria-label={label}
          placeholder={t('segments.plansPlaceholder')}
          value={draft.plans}
          onChange={(plans) => onChange({ plans })}
          style={{ flex: 1 }}
        />
      );
    case 'companyIds':
      return <CompanyPicker value={draft.companyIds} onChange={(companyIds) => onChange({ companyIds })} />;
    case 'hasEmail':
      return (
        <SegmentedControl
          aria-label={label}
          value={draft.hasEmail ? 'yes' : 'no'}
          onChange={(value) => onChange({ hasEmail: value === 'yes' })}
          data={[
            { value: 'yes', label: t('segments.hasEmailYes') },
            { value: 'no', label: t('segments.hasEmailNo') },
          ]}
        />
      );
    case 'createdAfter':
    case 'createdBefore':
      return (
        <TextInput
          type="date"
          aria-label={label}
          value={draft[field]}
          onChange={(event) => onChange({ [field]: event.currentTarget.value })}
          w={180}
        />
      );
    case 'attributes':
      return (
        <Stack gap={6} style={{ flex: 1 }}>
          {draft.attributes.map((pair, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: key/value rows have no id and are edited in place
            <Group key={index} gap={6} wrap="nowrap">
              <TextInput
                aria-label={t('segments.attributeKey')}
                placeholder={t('segments.attributeKey')}
                value={pair.key}
                onChange={(event) => {
                  const key = event.currentTarget.value;
                  onChange({ attributes: draft.attributes.map((a, i) => (i === index ? { ...a, key } : a)) });
                }}
                style={{ flex: 1 }}
              />
              <TextInput
                aria-label={t('segments.attributeValue')}
                placeholder={t('segments.attributeValue')}
                value={pair.value}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  onChange({ attributes: draft.attributes.map((a, i) => (i === index ? { ...a, value } : a)) });
                }}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('segments.removeAttribute')}
                disabled={draft.attributes.length <= 1}
                onClick={() => onChange({ attributes: draft.attributes.filter((_, i) => i !== index) })}
              >
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<IconPlus size={12} />}
              onClick={() => onChange({ attributes: [...draft.attributes, { key: '', value: '' }] })}
              disabled={draft.attributes.length >= 20}
            >
              {t('segments.addAttribute')}
            </Button>
          </Group>
        </Stack>
      );
  }
}
