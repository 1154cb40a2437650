import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../shared/contracts/conversations.ts';
import { GOAL_METRICS, type Goal, type GoalMetric } from '../../../../shared/contracts/metrics.ts';
import { useSaveGoal } from '../../../api/metrics.ts';
import { useSession } from '../../../api/session.ts';
import { useTeams } from '../../../api/workspace.ts';
import { DateRangeInput } from '../../../components/DateRangeInput.tsx';
import { describeError, fieldError } from '../../../lib/errors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { METRIC_META } from '../figures.ts';
import { periodRange } from '../period.ts';
import { TargetInput } from './TargetInput.tsx';

type Scope = Goal['scope'];

/** Sensible first targets: DESIGN.md's "CSAT ≥ 85 %, first reply ≤ 2 h". */
const DEFAULT_TARGET: Partial<Record<GoalMetric, number>> = {
  'csat.percent': 85,
  'nps.score': 30,
  'first_response.median_seconds': 2 * 3600,
  'resolution.median_seconds': 8 * 3600,
  'fcr.percent': 70,
};

function endOfMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Create or edit a goal: metric, scope, period and a target in the metric's own unit. */
export function GoalDialog({ goal, onClose }: { goal: Goal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const teams = useTeams();
  const save = useSaveGoal();
  const month = periodRange('thisMonth', me.workspace.timeZone);
  const [metric, setMetric] = useState<GoalMetric>(goal?.metric ?? 'csat.percent');
  const [scope, setScope] = useState<Scope>(goal?.scope ?? 'workspace');
  const [scopeValue, setScopeValue] = useState<string>(goal?.scopeValue ?? '');
  const [startsOn, setStartsOn] = useState(goal?.startsOn ?? month.from);
  const [endsOn, setEndsOn] = useState(goal?.endsOn ?? endOfMonth(month.from));
  const [target, setTarget] = useState<number | null>(goal?.target ?? DEFAULT_TARGET['csat.percent'] ?? null);
  const meta = METRIC_META[metric];
  const scopeMissing = scope !== 'workspace' && !scopeValue;

  const submit = () => {
    if (target === null || scopeMissing) return;
    save.mutate(
      {
        id: goal?.id,
        metric,
        scope,
        scopeValue: scope === 'workspace' ? '' : scopeValue,
        startsOn,
        endsOn,
        target,
      },
      {
        onSuccess: () => {
          notifySuccess(t(goal ? 'insights.goals.updated' : 'insights.goals.created'));
          onClose();
        },
      },
    );
  };

  const scopeOptions =
    scope === 'team'
      ? (teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))
      : CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }));
  const generalError = save.error && !fieldError(save.error, 'target') ? describeError(save.error, t) : null;

  return (
    <Modal opened onClose={onClose} title={t(goal ? 'insights.goals.edit' : 'insights.goals.new')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Select
            label={t('insights.goals.metric')}
            data={GOAL_METRICS.map((value) => ({ value, label: t(`insights.metrics.${value}`) }))}
            value={metric}
            onChange={(value) => {
              if (!value) return;
              const next = value as GoalMetric;
              setMetric(next);
              if (!goal) setTarget(DEFAULT_TARGET[next] ?? null);
            }}
            allowDeselect={false}
            searchable
            error={fieldError(save.error, 'metric')}
            data-testid="goal-metric"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('insights.goals.scope')}
            </Text>
            <SegmentedControl
              value={scope}
              onChange={(value) => {
                setScope(value as Scope);
                setScopeValue('');
              }}
              data={(['workspace', 'team', 'channel'] as const).map((value) => ({
                value,
                label: t(`insights.goals.scopes.${value}`),
              }))}
            />
            {scope !== 'workspace' && (
              <Select
                aria-label={t(`insights.goals.scopes.${scope}`)}
                placeholder={t(scope === 'team' ? 'insights.goals.pickTeam' : 'insights.goals.pickChannel')}
                data={scopeOptions}
                value={scopeValue || null}
                onChange={(value) => setScopeValue(value ?? '')}
                error={fieldError(save.error, 'scopeValue')}
              />
            )}
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('insights.goals.period')}
            </Text>
            <DateRangeInput
              label={t('insights.goals.period')}
              placeholder={t('insights.goals.period')}
              from={startsOn}
              to={endsOn}
              onChange={(from, to) => {
                if (from && to) {
                  setStartsOn(from);
                  setEndsOn(to);
                }
              }}
            />
            {(fieldError(save.error, 'startsOn') || fieldError(save.error, 'endsOn')) && (
              <Text size="xs" c="red">
                {fieldError(save.error, 'startsOn') ?? fieldError(save.error, 'endsOn')}
              </Text>
            )}
          </Stack>
          <Stack gap={4}>
            <TargetInput
              unit={meta.unit}
              value={target}
              onChange={setTarget}
              label={t('insights.goals.target')}
              error={fieldError(save.error, 'target')}
              testId="goal-target"
            />
            <Text size="xs" c="dimmed">
              {t(meta.lowerIsBetter ? 'insights.goals.lowerIsBetter' : 'insights.goals.higherIsBetter')}
            </Text>
          </Stack>
          {generalError && (
            <Text size="sm" c="red" role="alert">
              {generalError}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              disabled={target === null || scopeMissing}
              data-testid="goal-save"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
