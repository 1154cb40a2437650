import { ActionIcon, Chip, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { IconFilterOff, IconSearch, IconUser, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../shared/contracts/conversations.ts';
import type { ResponseFilters } from '../../../api/surveyResponses.ts';
import { useSurveys } from '../../../api/surveys.ts';
import { useMembers, useTeams } from '../../../api/workspace.ts';
import { DateRangeInput } from '../../../components/DateRangeInput.tsx';
import { bandIcon } from '../../../components/SurveyBadges.tsx';
import { BANDS, type Band } from '../../../lib/surveyScores.ts';
import { useDebouncedText } from '../../inbox/FilterBar.tsx';

interface ResponseFilterBarProps {
  filters: ResponseFilters;
  onChange: (change: Partial<ResponseFilters>) => void;
  isFiltered: boolean;
  onClear: () => void;
}

export function ResponseFilterBar({ filters, onChange, isFiltered, onClear }: ResponseFilterBarProps) {
  const { t } = useTranslation();
  const surveys = useSurveys();
  const members = useMembers();
  const teams = useTeams();
  const [q, setQ] = useDebouncedText(filters.q, (value) => onChange({ q: value }));

  return (
    <Group gap="xs" wrap="wrap" align="center" data-testid="response-filters">
      <TextInput
        type="search"
        aria-label={t('responses.search')}
        placeholder={t('responses.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        w={300}
        data-testid="response-search"
      />
      <Select
        aria-label={t('responses.survey')}
        placeholder={t('responses.anySurvey')}
        data={(surveys.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={filters.surveyId}
        onChange={(surveyId) => onChange({ surveyId })}
        clearable
        searchable
        w={200}
      />
      <Select
        aria-label={t('responses.scoreBand')}
        placeholder={t('responses.anyBand')}
        data={BANDS.map((band) => ({ value: band, label: t(`bands.generic.${band}`) }))}
        renderOption={({ option }) => (
          <Group gap={6} wrap="nowrap">
            {bandIcon(option.value as Band, 14)}
            {option.label}
          </Group>
        )}
        leftSection={filters.scoreBand ? bandIcon(filters.scoreBand, 14) : undefined}
        value={filters.scoreBand}
        onChange={(value) => onChange({ scoreBand: value as Band | null })}
        clearable
        w={150}
        data-testid="filter-band"
      />
      <Select
        aria-label={t('inbox.channel')}
        placeholder={t('inbox.anyChannel')}
        data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        value={filters.channel}
        onChange={(channel) => onChange({ channel })}
        clearable
        w={140}
      />
      <Select
        aria-label={t('responses.agent')}
        placeholder={t('responses.anyAgent')}
        leftSection={<IconUser size={16} />}
        data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        value={filters.agentId}
        onChange={(agentId) => onChange({ agentId })}
        clearable
        searchable
        w={160}
      />
      <Select
        aria-label={t('inbox.team')}
        placeholder={t('inbox.anyTeam')}
        leftSection={<IconUsersGroup size={16} />}
        data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={filters.teamId}
        onChange={(teamId) => onChange({ teamId })}
        clearable
        w={140}
      />
      <DateRangeInput
        label={t('responses.period')}
        placeholder={t('responses.anyDate')}
        from={filters.from}
        to={filters.to}
        onChange={(from, to) => onChange({ from, to })}
        testId="filter-dates"
      />
      <Chip
        size="sm"
        variant="outline"
        checked={filters.hasComment === true}
        onChange={(checked) => onChange({ hasComment: checked ? true : null })}
        data-testid="filter-has-comment"
      >
        {t('responses.hasComment')}
      </Chip>
      {isFiltered && (
        <Tooltip label={t('inbox.clearFilters')}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('inbox.clearFilters')} onClick={onClear}>
            <IconFilterOff size={18} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
