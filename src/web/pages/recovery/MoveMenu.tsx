import { Button, Menu } from '@mantine/core';
import { IconArrowsRightLeft, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RECOVERY_CASE_STATUSES,
  type RecoveryCase,
  type RecoveryCaseStatus,
} from '../../../shared/contracts/recovery.ts';
import { useUpdateCase } from '../../api/recovery.ts';
import { describeError } from '../../lib/errors.ts';
import { notifyError } from '../../lib/notify.ts';
import { STATUS_COLOR } from '../../lib/recoveryEvents.ts';
import { CloseCaseDialog } from './CloseCaseDialog.tsx';

/**
 * Moves a case to another column of the board, from the keyboard as well as the mouse;
 * "closed" asks for the outcome first.
 */
export function MoveMenu({
  item,
  size = 'xs',
}: {
  item: Pick<RecoveryCase, 'id' | 'number' | 'status'>;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const update = useUpdateCase(item.id);
  const [closing, setClosing] = useState(false);

  const move = (status: RecoveryCaseStatus) => {
    if (status === 'closed') {
      setClosing(true);
      return;
    }
    update.mutate({ status }, { onError: (error) => notifyError(t('errors.title'), describeError(error, t)) });
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size={size}
            leftSection={<IconArrowsRightLeft size={14} />}
            loading={update.isPending}
            aria-label={t('recovery.card.move', { number: item.number })}
            data-testid="case-move"
          >
            {t(`recovery.status.${item.status}`)}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {RECOVERY_CASE_STATUSES.map((status) => (
            <Menu.Item
              key={status}
              disabled={status === item.status}
              leftSection={
                status === item.status ? (
                  <IconCheck size={14} aria-hidden />
                ) : (
                  <span
                    aria-hidden
                    style={{
                      display: 'inline-block',
                      width: 10,
                      height: 10,
                      borderRadius: 10,
                      background: `var(--mantine-color-${STATUS_COLOR[status]}-6)`,
                    }}
                  />
                )
              }
              onClick={() => move(status)}
              data-testid={`case-move-${status}`}
            >
              {t('recovery.card.moveTo', { status: t(`recovery.status.${status}`) })}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {closing && <CloseCaseDialog caseId={item.id} number={item.number} onClose={() => setClosing(false)} />}
    </>
  );
}
