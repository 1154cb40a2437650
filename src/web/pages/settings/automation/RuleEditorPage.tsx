import { Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type AutomationRule, fieldGroupsFor } from '../../../../shared/contracts/automation.ts';
import { useAutomationRule, useSaveRule } from '../../../api/automation.ts';
import { ApiError } from '../../../api/client.ts';
import { useSession } from '../../../api/session.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { Page } from '../../../components/Page.tsx';
import { notifySuccess } from '../../../lib/notify.ts';
import { canManage } from '../../../lib/permissions.ts';
import { ActionsEditor } from './ActionsEditor.tsx';
import { ConditionsEditor } from './ConditionsEditor.tsx';
import { draftErrors, newRuleDraft, type RuleDraft, ruleDraft, toInput, triggerOf } from './draft.ts';
import { TriggerEditor } from './TriggerEditor.tsx';
import { useChoices } from './useChoices.ts';

const back = (label: string) => (
  <Anchor component={Link} to="/settings/automation" size="sm" mb="xs" display="inline-flex" style={{ gap: 4 }}>
    <IconArrowLeft size={16} />
    {label}
  </Anchor>
);

/** Settings → Automation → a rule: When / If / Then, on one page. */
export function RuleEditorPage() {
  const { t } = useTranslation();
  const { ruleId } = useParams();
  const isNew = !ruleId || ruleId === 'new';
  const rule = useAutomationRule(isNew ? undefined : ruleId);
  if (!isNew && rule.isPending)
    return (
      <Page title={t('automation.editor.editTitle')} above={back(t('automation.editor.back'))} maxWidth={960}>
        <Stack gap="md" aria-busy="true">
          <Skeleton height={90} radius="md" />
          <Skeleton height={140} radius="md" />
          <Skeleton height={180} radius="md" />
        </Stack>
      </Page>
    );
  if (!isNew && rule.isError)
    return (
      <Page title={t('automation.editor.editTitle')} above={back(t('automation.editor.back'))} maxWidth={960}>
        <ErrorState error={rule.error} onRetry={() => void rule.refetch()} />
      </Page>
    );
  return <RuleEditor key={ruleId ?? 'new'} rule={isNew ? null : (rule.data ?? null)} />;
}

function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}

function RuleEditor({ rule }: { rule: AutomationRule | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const editable = canManage(me.role);
  const save = useSaveRule();
  const choices = useChoices();
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? ruleDraft(rule) : newRuleDraft()));
  const [submitted, setSubmitted] = useState(false);
  const clientErrors = submitted ? draftErrors(draft) : {};
  const serverErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};

  /** The form's own complaint about a path, else the server's (a value list names its item). */
  const error = (path: string): string | undefined => {
    switch (clientErrors[path]) {
      case 'required':
        return t('automation.params.required');
      case 'assignNeeds':
        return t('automation.params.assignNeeds');
      case 'noActions':
        return t('automation.editor.noActions');
      case 'webhookNeedsEvent':
        return t('automation.params.webhookNeedsEvent');
      default:
        break;
    }
    if (serverErrors[path]) return serverErrors[path];
    return path.endsWith('.value')
      ? Object.entries(serverErrors).find(([key]) => key.startsWith(`${path}.`))?.[1]
      : undefined;
  };

  const update = (change: Partial<RuleDraft>) => {
    if (save.error) save.reset();
    setDraft((current) => ({ ...current, ...change }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(draftErrors(draft)).length > 0) return;
    save.mutate(
      { ...toInput(draft), ...(rule ? { id: rule.id } : {}) },
      {
        onSuccess: () => {
          notifySuccess(rule ? t('common.saved') : t('automation.editor.created'));
          navigate('/settings/automation');
        },
      },
    );
  };

  const trigger = triggerOf(draft.trigger);
  const groups = fieldGroupsFor(trigger);
  const title = rule ? t('automation.editor.editTitle') : t('automation.editor.newTitle');

  return (
    <Page title={title} above={back(t('automation.editor.back'))} maxWidth={960}>
      <form onSubmit={submit} noValidate>
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="md">
            {!editable && (
              <Alert color="gray" variant="light" icon={<IconInfoCircle />}>
                {t('automation.readOnly')}
              </Alert>
            )}
            {save.error && <ErrorState error={save.error} />}
            <Paper withBorder radius="md" p="lg">
              <Group align="flex-start" gap="xl" wrap="wrap">
                <TextInput
                  label={t('automation.editor.name')}
                  placeholder={t('automation.editor.namePlaceholder')}
                  value={draft.name}
                  onChange={(event) => update({ name: event.currentTarget.value })}
                  error={error('name')}
                  required
                  data-autofocus
                  style={{ flex: 1, minWidth: 260 }}
                  data-testid="rule-name-input"
                />
                <Switch
                  mt={30}
                  label={t('automation.editor.enabled')}
                  description={t('automation.editor.enabledHint')}
                  checked={draft.enabled}
                  onChange={(event) => update({ enabled: event.currentTarget.checked })}
                  data-testid="rule-enabled-input"
                />
              </Group>
            </Paper>
            <Section title={t('automation.editor.when')} hint={t('automation.editor.whenHint')}>
              <TriggerEditor
                value={draft.trigger}
                onChange={(next) => update({ trigger: next })}
                error={error('trigger.hours')}
              />
            </Section>
            <Section title={t('automation.editor.if')} hint={t('automation.editor.ifHint')}>
              <ConditionsEditor
                group={draft.conditions}
                onChange={(conditions) => update({ conditions })}
                groups={groups}
                choices={choices}
                path="conditions"
                error={error}
              />
            </Section>
            <Section title={t('automation.editor.thenLabel')} hint={t('automation.editor.thenHint')}>
              <ActionsEditor
                actions={draft.actions}
                onChange={(actions) => update({ actions })}
                choices={choices}
                error={error}
                timeBased={draft.trigger.kind === 'time'}
              />
            </Section>
            {editable && (
              <Group justify="flex-end">
                <Button variant="default" onClick={() => navigate('/settings/automation')}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending} data-testid="rule-save">
                  {rule ? t('common.save') : t('automation.editor.create')}
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Page>
  );
}
