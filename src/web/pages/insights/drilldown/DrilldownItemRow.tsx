import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { type Icon, IconExternalLink, IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DrilldownItem, DrilldownMetric } from '../../../../shared/contracts/metrics.ts';
import { ChannelIcon } from '../../../components/ChannelIcon.tsx';
import { CollapsibleText } from '../../../components/CollapsibleText.tsx';
import { ScoreBadge } from '../../../components/SurveyBadges.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLocale } from '../../../lib/useLocale.ts';
import { formatDuration } from '../figures.ts';

const SCORE_METRICS = ['csat', 'nps', 'ces7', 'ces5'] as const;
type ScoreMetric = (typeof SCORE_METRICS)[number];
const DURATION_METRICS: DrilldownMetric[] = ['first_response', 'reply', 'resolution'];

const isScoreMetric = (metric: DrilldownMetric): metric is ScoreMetric =>
  (SCORE_METRICS as readonly string[]).includes(metric);

/** A small link with its icon, to where the item lives. */
function OpenLink({ to, icon: Icon, testId, children }: { to: string; icon: Icon; testId: string; children: string }) {
  return (
    <Anchor component={Link} to={to} size="xs" data-testid={testId}>
      <Group gap={4} wrap="nowrap">
        <Icon size={13} />
        {children}
      </Group>
    </Anchor>
  );
}

/** One conversation or response behind a figure, linking to where it lives. */
export function DrilldownItemRow({
  item,
  metric,
  timeZone,
}: {
  item: DrilldownItem;
  metric: DrilldownMetric;
  /** The workspace's: the figure's days and hours are its, so the items' times are too. */
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = item.subject || t('insights.drill.noSubject');
  const conversationLink = item.conversation_id ? `/inbox/${item.conversation_id}` : null;
  const responseLink = item.kind === 'response' ? `/feedback/responses?response=${item.id}` : null;

  return (
    <Paper withBorder radius="md" p="sm" data-testid="drilldown-item" data-kind={item.kind}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            {isScoreMetric(metric) && item.kind === 'response' && (
              <ScoreBadge kind={metric} score={item.value} size="sm" />
            )}
            {DURATION_METRICS.includes(metric) && item.value !== null && (
              <Badge variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
                {formatDuration(item.value, locale)}
              </Badge>
            )}
            <ChannelIcon channel={item.channel} size={15} />
            {conversationLink ? (
              <Anchor component={Link} to={conversationLink} size="sm" fw={600} truncate="end">
                {title}
              </Anchor>
            ) : (
              <Text size="sm" fw={600} truncate="end">
                {title}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} data-testid="drilldown-item-at">
            {formatDateTime(item.at, locale, timeZone)}
          </Text>
        </Group>
        {item.comment && <CollapsibleText text={item.comment} maxHeight={80} />}
        <Group gap="md" wrap="wrap">
          {item.contact_name && (
            <Text size="xs" c="dimmed">
              {t('insights.drill.customer')}:{' '}
              {item.contact_id ? (
                <Anchor component={Link} to={`/customers/contacts/${item.contact_id}`} size="xs">
                  {item.contact_name}
                </Anchor>
              ) : (
                item.contact_name
              )}
            </Text>
          )}
          {item.agent_name && (
            <Text size="xs" c="dimmed">
              {t('insights.drill.agent')}: {item.agent_name}
            </Text>
          )}
          {item.cycle !== null && item.cycle > 1 && (
            <Text size="xs" c="dimmed">
              {t('insights.drill.cycle', { cycle: item.cycle })}
            </Text>
          )}
          <Group gap="sm" ml="auto">
            {responseLink && (
              <OpenLink to={responseLink} icon={IconExternalLink} testId="drilldown-open-response">
                {t('insights.drill.openResponse')}
              </OpenLink>
            )}
            {conversationLink && (
              <OpenLink to={conversationLink} icon={IconMessage} testId="drilldown-open-conversation">
                {t('insights.drill.openConversation')}
              </OpenLink>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
