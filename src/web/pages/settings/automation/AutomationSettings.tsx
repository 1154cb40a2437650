import { Alert, Button, Stack } from '@mantine/core';
import { IconInfoCircle, IconPlus, IconRobotOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AutomationRule } from '../../../../shared/contracts/automation.ts';
import { useAutomationRules, useDeleteRule, useReorderRules, useSetRuleEnabled } from '../../../api/automation.ts';
import { useSession } from '../../../api/session.ts';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteDialog.tsx';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { Page } from '../../../components/Page.tsx';
import { describeError } from '../../../lib/errors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { canManage } from '../../../lib/permissions.ts';
import { AutomationTabs } from './AutomationTabs.tsx';
import { RuleCard } from './RuleCard.tsx';
import { useChoices } from './useChoices.ts';

/** Settings → Automation: the rules in the order they are tried, each switchable on and off. */
export function AutomationSettings() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useSession();
  const rules = useAutomationRules();
  const choices = useChoices();
  const setEnabled = useSetRuleEnabled();
  const reorder = useReorderRules();
  const remove = useDeleteRule();
  const [deleting, setDeleting] = useState<AutomationRule | null>(null);
  const editable = canManage(me.role);
  const fail = (error: Error) => notifyError(t('errors.title'), describeError(error, t));

  const move = (list: AutomationRule[], index: number, step: -1 | 1) => {
    const ids = list.map((rule) => rule.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + step, 0, moved);
    reorder.mutate(ids, { onError: fail });
  };

  const createButton = editable && (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => navigate('/settings/automation/rules/new')}
      data-testid="rule-create"
    >
      {t('automation.create')}
    </Button>
  );

  let body: React.ReactNode;
  if (rules.isPending) body = <ListSkeleton rows={4} height={88} />;
  else if (rules.isError) body = <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  else if (rules.data.length === 0)
    body = (
      <Empty
        icon={<IconRobotOff />}
        title={t('automation.empty')}
        description={t('automation.emptyHint')}
        action={createButton}
      />
    );
  else {
    const list = rules.data;
    body = (
      <Stack gap="sm" data-testid="rule-list">
        {list.map((rule, index) => (
          <RuleCard
            key={rule.id}
            rule={rule}
            index={index}
            count={list.length}
            editable={editable}
            busy={reorder.isPending || (setEnabled.isPending && setEnabled.variables?.id === rule.id)}
            valueName={choices.valueName}
            onToggle={(enabled) =>
              setEnabled.mutate(
                { id: rule.id, enabled },
                {
                  onSuccess: () => notifySuccess(enabled ? t('automation.enabledNow') : t('automation.disabledNow')),
                  onError: fail,
                },
              )
            }
            onMove={(step) => move(list, index, step)}
            onEdit={() => navigate(`/settings/automation/rules/${rule.id}`)}
            onDelete={() => setDeleting(rule)}
          />
        ))}
      </Stack>
    );
  }

  return (
    <Page
      title={t('automation.title')}
      description={t('automation.description')}
      actions={rules.data && rules.data.length > 0 ? createButton : null}
      tabs={<AutomationTabs active="rules" />}
      maxWidth={1100}
    >
      {!editable && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle />} mb="md">
          {t('automation.readOnly')}
        </Alert>
      )}
      {body}
      <ConfirmDeleteDialog
        item={deleting}
        remove={remove}
        message={(name) => t('automation.deleteConfirm', { name })}
        deletedMessage={t('automation.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Page>
  );
}
