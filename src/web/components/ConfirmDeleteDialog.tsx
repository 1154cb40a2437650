import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../lib/notify.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface DeleteMutation {
  isPending: boolean;
  error: Error | null;
  reset(): void;
  mutate(id: string, options: { onSuccess: () => void }): void;
}

interface ConfirmDeleteDialogProps {
  /** The item to delete; null keeps the dialog closed. */
  item: { id: string; name: string } | null;
  remove: DeleteMutation;
  message: (name: string) => string;
  deletedMessage: string;
  onClose(): void;
}

/** "Delete X?" for a settings list: runs the delete mutation, reports success, closes. */
export function ConfirmDeleteDialog({ item, remove, message, deletedMessage, onClose }: ConfirmDeleteDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened={item !== null}
      title={t('common.delete')}
      message={message(item?.name ?? '')}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      error={remove.error}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      onConfirm={() =>
        item &&
        remove.mutate(item.id, {
          onSuccess: () => {
            notifySuccess(deletedMessage);
            onClose();
          },
        })
      }
    />
  );
}
