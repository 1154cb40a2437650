import { ActionIcon, Badge, Group, Tooltip } from '@mantine/core';
import { IconArrowBigUpLines, IconLifebuoy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../shared/contracts/conversations.ts';
import { EscalateDialog } from './EscalateDialog.tsx';
import { OpenCaseDialog } from './OpenCaseDialog.tsx';

/** The conversation header's recovery actions: open a case, escalate; and the tier reached. */
export function ConversationActions({ conversation, canWrite }: { conversation: Conversation; canWrite: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'case' | 'escalate' | null>(null);
  const tier = conversation.escalationTier;
  return (
    <Group gap={6} wrap="nowrap">
      {tier !== 'agent' && (
        <Tooltip label={t('escalation.path')}>
          <Badge
            color={tier === 'manager' ? 'red' : 'orange'}
            variant="light"
            leftSection={<IconArrowBigUpLines size={12} aria-hidden />}
            data-testid="escalation-tier"
            tt="none"
          >
            {t('escalation.badge', { tier: t(`escalation.tiers.${tier}`) })}
          </Badge>
        </Tooltip>
      )}
      {canWrite && (
        <>
          <Tooltip label={t('recovery.open.action')}>
            <ActionIcon
              variant="default"
              aria-label={t('recovery.open.action')}
              onClick={() => setDialog('case')}
              data-testid="open-recovery-case"
            >
              <IconLifebuoy size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('escalation.action')}>
            <ActionIcon
              variant="default"
              aria-label={t('escalation.action')}
              onClick={() => setDialog('escalate')}
              data-testid="escalate"
            >
              <IconArrowBigUpLines size={16} />
            </ActionIcon>
          </Tooltip>
        </>
      )}
      {dialog === 'case' && <OpenCaseDialog conversation={conversation} onClose={() => setDialog(null)} />}
      {dialog === 'escalate' && <EscalateDialog conversation={conversation} onClose={() => setDialog(null)} />}
    </Group>
  );
}
