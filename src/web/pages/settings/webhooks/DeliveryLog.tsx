import { Accordion, Badge, Box, Button, Chip, Code, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconRefresh, IconSend, IconSend2 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  WEBHOOK_DELIVERY_STATUSES,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
} from '../../../../shared/contracts/webhooks.ts';
import { useDeliveries, useRetryDelivery, useTestWebhook } from '../../../api/webhooks.ts';
import { Empty } from '../../../components/Empty.tsx';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ListSkeleton } from '../../../components/ListSkeleton.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { describeError } from '../../../lib/errors.ts';
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { DELIVERY_LOOK, DeliveryStatusBadge } from './DeliveryStatusBadge.tsx';
import { eventLabel } from './eventTypes.ts';

function StatusCode({ code }: { code: number | null }) {
  const { t } = useTranslation();
  if (code === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('webhooks.noAnswer')}
      </Text>
    );
  }
  const ok = code >= 200 && code < 300;
  return (
    <Badge variant="outline" color={ok ? 'green' : 'red'} radius="sm" ff="monospace">
      {code}
    </Badge>
  );
}

function Attempts({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('webhooks.attemptLog')}
      </Text>
      {delivery.attemptLog.map((attempt, index) => (
        <Group key={attempt.at} gap="sm" wrap="nowrap" align="flex-start" data-testid="delivery-attempt">
          <Text size="sm" c="dimmed" w={90} style={{ flexShrink: 0 }}>
            {t('webhooks.attemptLine', { n: index + 1 })}
          </Text>
          <Text size="sm" w={200} style={{ flexShrink: 0 }}>
            {formatDateTime(attempt.at, locale)}
          </Text>
          <Box w={90} style={{ flexShrink: 0 }}>
            <StatusCode code={attempt.statusCode} />
          </Box>
          <Text size="sm" c="dimmed" w={80} style={{ flexShrink: 0 }}>
            {t('webhooks.duration', { ms: attempt.ms })}
          </Text>
          <Stack gap={2} style={{ minWidth: 0 }}>
            {attempt.error && (
              <Text size="sm" c="red.8" style={{ overflowWrap: 'anywhere' }}>
                {attempt.error}
              </Text>
            )}
            {attempt.response && (
              <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{attempt.response}</Code>
            )}
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

function DeliveryRow({
  delivery,
  onRetry,
  retrying,
}: {
  delivery: WebhookDelivery;
  onRetry(): void;
  retrying: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const canRetry = delivery.status === 'failed' || delivery.status === 'retrying';
  return (
    <Accordion.Item value={delivery.id} data-testid="delivery-row">
      <Group gap={0} wrap="nowrap" pr="sm">
        <Accordion.Control>
          <Group gap="md" wrap="nowrap">
            <Box style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={500} truncate>
                {eventLabel(delivery.eventType, t)}
              </Text>
              {delivery.lastError && delivery.status !== 'succeeded' ? (
                <Text size="xs" c="red.8" truncate data-testid="delivery-error">
                  {delivery.lastError}
                </Text>
              ) : (
                <Text size="xs" c="dimmed" ff="monospace" truncate>
                  {delivery.eventType}
                </Text>
              )}
            </Box>
            <Box w={124} style={{ flexShrink: 0 }}>
              <DeliveryStatusBadge status={delivery.status} />
            </Box>
            <Text size="sm" w={90} ta="right" style={{ flexShrink: 0 }} data-testid="delivery-attempts">
              {t('webhooks.attemptsOf', { attempts: delivery.attempts, max: delivery.maxAttempts })}
            </Text>
            <Box w={70} style={{ flexShrink: 0, textAlign: 'center' }}>
              {delivery.attempts > 0 ? <StatusCode code={delivery.lastStatusCode} /> : <Text c="dimmed">–</Text>}
            </Box>
            <Box w={110} style={{ flexShrink: 0 }}>
              <RelativeTime iso={delivery.createdAt} size="sm" />
            </Box>
          </Group>
        </Accordion.Control>
        <Box w={120} style={{ flexShrink: 0, textAlign: 'right' }}>
          {canRetry && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconRefresh size={14} />}
              loading={retrying}
              onClick={onRetry}
              data-testid="delivery-retry"
            >
              {t('webhooks.retry')}
            </Button>
          )}
        </Box>
      </Group>
      <Accordion.Panel>
        <Stack gap="md">
          <Group gap="lg">
            <Text size="sm">
              <Text span c="dimmed">
                {t('webhooks.messageId')}:{' '}
              </Text>
              <Text span ff="monospace">
                {delivery.messageId}
              </Text>
            </Text>
            {delivery.status === 'retrying' && delivery.nextAttemptAt && (
              <Text size="sm" c="orange.8">
                {t('webhooks.nextAttempt', { time: formatRelative(delivery.nextAttemptAt, locale) })}
              </Text>
            )}
          </Group>
          {delivery.attemptLog.length > 0 && <Attempts delivery={delivery} />}
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('webhooks.payload')}
            </Text>
            <Code block style={{ maxHeight: 260, overflow: 'auto' }}>
              {JSON.stringify(delivery.payload, null, 2)}
            </Code>
          </Stack>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** The delivery log of one endpoint, in a drawer: outcome, attempts, response, each attempt and the payload. */
export function DeliveryLog({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<WebhookDeliveryStatus | null>(null);
  const deliveries = useDeliveries(webhook?.id ?? null, status);
  const retry = useRetryDelivery();
  const test = useTestWebhook();
  const rows = deliveries.data?.pages.flatMap((page) => page.data) ?? [];

  const sendTest = () =>
    webhook &&
    test.mutate(webhook.id, {
      onSuccess: () => notifySuccess(t('webhooks.testSent')),
      onError: (error) => notifyError(t('errors.title'), describeError(error, t)),
    });

  let body: ReactNode;
  if (deliveries.isPending) body = <ListSkeleton rows={5} height={48} />;
  else if (deliveries.isError) body = <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  else if (rows.length === 0)
    body = status ? (
      <Empty size="sm" icon={<IconSend2 />} title={t('webhooks.noDeliveriesFiltered')} description="" />
    ) : (
      <Empty icon={<IconSend2 />} title={t('webhooks.noDeliveries')} description={t('webhooks.noDeliveriesHint')} />
    );
  else
    body = (
      <Stack gap="xs">
        <Group gap="md" wrap="nowrap" pl={44} pr={136} aria-hidden>
          <Text size="xs" c="dimmed" fw={600} style={{ flex: 1 }}>
            {t('webhooks.event')}
          </Text>
          <Text size="xs" c="dimmed" fw={600} w={124}>
            {t('webhooks.statusLabel')}
          </Text>
          <Text size="xs" c="dimmed" fw={600} w={90} ta="right">
            {t('webhooks.attempts')}
          </Text>
          <Text size="xs" c="dimmed" fw={600} w={70} ta="center">
            {t('webhooks.response')}
          </Text>
          <Text size="xs" c="dimmed" fw={600} w={110}>
            {t('webhooks.time')}
          </Text>
        </Group>
        <Accordion variant="separated" chevronPosition="left" data-testid="delivery-log">
          {rows.map((delivery) => (
            <DeliveryRow
              key={delivery.id}
              delivery={delivery}
              retrying={retry.isPending && retry.variables === delivery.id}
              onRetry={() =>
                retry.mutate(delivery.id, {
                  onSuccess: () => notifySuccess(t('webhooks.retried')),
                  onError: (error) => notifyError(t('errors.title'), describeError(error, t)),
                })
              }
            />
          ))}
        </Accordion>
        <LoadMore
          hasMore={deliveries.hasNextPage}
          loading={deliveries.isFetchingNextPage}
          onLoad={() => void deliveries.fetchNextPage()}
        />
      </Stack>
    );

  return (
    <Drawer
      opened={webhook !== null}
      onClose={onClose}
      position="right"
      size={880}
      title={
        <Stack gap={0}>
          <Text fw={600}>{t('webhooks.deliveries')}</Text>
          <Text size="sm" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {webhook?.url}
          </Text>
        </Stack>
      }
    >
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Chip.Group
            value={status ?? 'all'}
            onChange={(value) => setStatus(value === 'all' ? null : (value as WebhookDeliveryStatus))}
          >
            <Group gap={6} role="group" aria-label={t('webhooks.statusLabel')}>
              <Chip value="all" size="xs" variant="outline">
                {t('webhooks.all')}
              </Chip>
              {WEBHOOK_DELIVERY_STATUSES.map((s) => (
                <Chip key={s} value={s} size="xs" variant="outline" color={DELIVERY_LOOK[s].color}>
                  {t(`webhooks.status.${s}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconSend size={14} />}
            onClick={sendTest}
            loading={test.isPending}
            disabled={!webhook?.enabled}
            data-testid="delivery-log-test"
          >
            {t('webhooks.test')}
          </Button>
        </Group>
        {body}
      </Stack>
    </Drawer>
  );
}
