import { ActionIcon, Badge, Button, Checkbox, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconDots,
  IconKey,
  IconListDetails,
  IconPencil,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconSend,
  IconTrash,
  IconWebhook,
  IconWebhookOff,
} from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '../../../../shared/contracts/webhooks.ts';
import { useSession } from '../../../api/session.ts';
import {
  useDeleteWebhook,
  useRotateWebhookSecret,
  useSetWebhookEnabled,
  useTestWebhook,
  useWebhooks,
} from '../../../api/webhooks.ts';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteDialog.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { NoPermission } from '../../../components/NoPermission.tsx';
import { Page } from '../../../components/Page.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { describeError } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { canAdminister } from '../../../lib/permissions.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { DeliveryStatusBadge } from './DeliveryStatusBadge.tsx';
import { eventLabel } from './eventTypes.ts';
import { WebhookDialog } from './WebhookDialog.tsx';
import { WebhookSecretDialog } from './WebhookSecretDialog.tsx';

/** How long a rotated secret keeps signing beside the new one, when the admin keeps the overlap. */
const OVERLAP_HOURS = 24;

const SHOWN_EVENTS = 4;

/** The endpoint's name in lists and dialogs: its description, else its URL. */
const nameOf = (webhook: Webhook) => webhook.description || webhook.url;

function EventBadges({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  if (webhook.eventTypes.length === 0) {
    return (
      <Badge variant="light" color="gray" size="sm" tt="none">
        {t('webhooks.allEvents')}
      </Badge>
    );
  }
  const rest = webhook.eventTypes.length - SHOWN_EVENTS;
  return (
    <Group gap={6}>
      {webhook.eventTypes.slice(0, SHOWN_EVENTS).map((type) => (
        <Badge key={type} variant="outline" color="gray" size="sm" tt="none">
          {eventLabel(type, t)}
        </Badge>
      ))}
      {rest > 0 && (
        <Tooltip
          label={webhook.eventTypes
            .slice(SHOWN_EVENTS)
            .map((type) => eventLabel(type, t))
            .join(' · ')}
        >
          <Badge variant="outline" color="gray" size="sm" tt="none">
            +{rest}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

function WebhookCard({
  webhook,
  onEdit,
  onLog,
  onRotate,
  onDelete,
}: {
  webhook: Webhook;
  onEdit(): void;
  onLog(): void;
  onRotate(): void;
  onDelete(): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const test = useTestWebhook();
  const setEnabled = useSetWebhookEnabled();
  const last = webhook.lastDelivery;
  const fail = (error: Error) => notifyError(t('errors.title'), describeError(error, t));
  return (
    <Paper withBorder p="md" radius="md" data-testid="webhook-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            {webhook.enabled ? (
              <IconWebhook size={18} color="var(--mantine-color-koe-6)" style={{ flexShrink: 0 }} />
            ) : (
              <IconWebhookOff size={18} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
            )}
            <Text fw={600} ff="monospace" size="sm" truncate title={webhook.url} data-testid="webhook-url-text">
              {webhook.url}
            </Text>
            {!webhook.enabled && (
              <Badge variant="light" color="gray" size="sm">
                {t('webhooks.paused')}
              </Badge>
            )}
            {webhook.previousSecretExpiresAt && (
              <Tooltip label={t('webhooks.overlapBadgeHint')} multiline maw={300}>
                <Badge variant="light" color="blue" size="sm" style={{ flexShrink: 0 }} data-testid="webhook-overlap">
                  {t('webhooks.overlapBadge', { time: formatDateTime(webhook.previousSecretExpiresAt, locale) })}
                </Badge>
              </Tooltip>
            )}
          </Group>
          {webhook.description && (
            <Text size="sm" c="dimmed">
              {webhook.description}
            </Text>
          )}
          <EventBadges webhook={webhook} />
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Button
            variant="light"
            size="xs"
            leftSection={<IconListDetails size={14} />}
            onClick={onLog}
            data-testid="webhook-log"
          >
            {t('webhooks.deliveries')}
          </Button>
          <Tooltip label={webhook.enabled ? t('webhooks.test') : t('webhooks.paused')}>
            <ActionIcon
              variant="subtle"
              aria-label={`${t('webhooks.test')}: ${nameOf(webhook)}`}
              disabled={!webhook.enabled}
              loading={test.isPending}
              onClick={() =>
                test.mutate(webhook.id, { onSuccess: () => notifySuccess(t('webhooks.testSent')), onError: fail })
              }
              data-testid="webhook-test"
            >
              <IconSend size={16} />
            </ActionIcon>
          </Tooltip>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={`${t('webhooks.actions')}: ${nameOf(webhook)}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                {t('common.edit')}
              </Menu.Item>
              <Menu.Item
                leftSection={webhook.enabled ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />}
                onClick={() =>
                  setEnabled.mutate(
                    { id: webhook.id, enabled: !webhook.enabled },
                    {
                      onSuccess: () =>
                        notifySuccess(webhook.enabled ? t('webhooks.pausedToast') : t('webhooks.resumedToast')),
                      onError: fail,
                    },
                  )
                }
              >
                {webhook.enabled ? t('webhooks.pause') : t('webhooks.resume')}
              </Menu.Item>
              <Menu.Item leftSection={<IconKey size={14} />} onClick={onRotate}>
                {t('webhooks.rotate')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                {t('common.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <Group gap="md" mt="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Group gap={6} data-testid="webhook-last-delivery">
          <Text size="xs" c="dimmed">
            {t('webhooks.lastDelivery')}:
          </Text>
          {last ? (
            <>
              <DeliveryStatusBadge status={last.status} />
              <Text size="xs">{eventLabel(last.eventType, t)}</Text>
              {last.statusCode !== null && (
                <Text size="xs" ff="monospace" c={last.statusCode < 300 ? 'green.8' : 'red.8'}>
                  {last.statusCode}
                </Text>
              )}
              <RelativeTime iso={last.at} />
            </>
          ) : (
            <Text size="xs" c="dimmed">
              {t('webhooks.never')}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('webhooks.recent', webhook.recent)}
        </Text>
      </Group>
    </Paper>
  );
}

/** Settings → Webhooks: endpoints, their status, the signing secret (shown once) and the delivery log. */
export function WebhooksSettings() {
  const { t } = useTranslation();
  const me = useSession();
  const admin = canAdminister(me.role);
  const webhooks = useWebhooks(admin);
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [logOf, setLogOf] = useState<string | null>(null);
  const [rotating, setRotating] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [secret, setSecret] = useState<{ secret: string; previousUntil?: string | null } | null>(null);
  // Rotating keeps the old secret signing for a day by default, so receivers switch without rejecting anything.
  const [overlap, setOverlap] = useState(true);

  if (!admin) {
    return (
      <Page title={t('webhooks.title')} description={t('webhooks.description')} maxWidth={960}>
        <NoPermission />
      </Page>
    );
  }

  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="webhook-create">
      {t('webhooks.create')}
    </Button>
  );

  let body: ReactNode;
  if (webhooks.isPending) body = <ListSkeleton rows={3} height={120} />;
  else if (webhooks.isError) body = <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />;
  else if (webhooks.data.length === 0)
    body = (
      <Empty
        icon={<IconWebhook />}
        title={t('webhooks.empty')}
        description={t('webhooks.emptyHint')}
        action={createButton}
      />
    );
  else
    body = (
      <Stack gap="md">
        {webhooks.data.map((webhook) => (
          <WebhookCard
            key={webhook.id}
            webhook={webhook}
            onEdit={() => setEditing(webhook)}
            onLog={() => setLogOf(webhook.id)}
            onRotate={() => setRotating(webhook)}
            onDelete={() => setDeleting(webhook)}
          />
        ))}
      </Stack>
    );

  return (
    <Page
      title={t('webhooks.title')}
      description={t('webhooks.description')}
      actions={webhooks.data && webhooks.data.length > 0 ? createButton : null}
      maxWidth={960}
    >
      {body}
      {editing && (
        <WebhookDialog
          webhook={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(created) => setSecret({ secret: created })}
        />
      )}
      {secret && (
        <WebhookSecretDialog
          secret={secret.secret}
          previousUntil={secret.previousUntil ?? null}
          onClose={() => setSecret(null)}
        />
      )}
      <DeliveryLog webhook={webhooks.data?.find((w) => w.id === logOf) ?? null} onClose={() => setLogOf(null)} />
      <ConfirmDialog
        opened={rotating !== null}
        title={t('webhooks.rotate')}
        message={t('webhooks.rotateConfirm', { name: rotating ? nameOf(rotating) : '' })}
        confirmLabel={t('webhooks.rotate')}
        loading={rotate.isPending}
        error={rotate.error}
        onClose={() => {
          rotate.reset();
          setRotating(null);
        }}
        onConfirm={() =>
          rotating &&
          rotate.mutate(
            { id: rotating.id, previousSecretHours: overlap ? OVERLAP_HOURS : 0 },
            {
              onSuccess: (rotated) => {
                notifySuccess(t('webhooks.rotated'));
                setRotating(null);
                setSecret({ secret: rotated.secret, previousUntil: rotated.previousSecretExpiresAt });
              },
            },
          )
        }
      >
        <Checkbox
          checked={overlap}
          onChange={(event) => setOverlap(event.currentTarget.checked)}
          label={t('webhooks.overlap', { hours: OVERLAP_HOURS })}
          description={t('webhooks.overlapHint')}
          data-testid="webhook-rotate-overlap"
        />
      </ConfirmDialog>
      <ConfirmDeleteDialog
        item={deleting ? { id: deleting.id, name: nameOf(deleting) } : null}
        remove={remove}
        message={(name) => t('webhooks.deleteConfirm', { name })}
        deletedMessage={t('webhooks.deleted')}
        onClose={() => setDeleting(null)}
      />
    </Page>
  );
}
