import { Anchor, Badge, Box, Group, Paper, Select, Stack, TagsInput, Text } from '@mantine/core';
import { IconExternalLink, IconMessages, IconUser } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecoveryCaseDetail, UpdateRecoveryCaseInput } from '../../../shared/contracts/recovery.ts';
import { useUpdateCase } from '../../api/recovery.ts';
import { useMembers, useTeams } from '../../api/workspace.ts';
import { ChannelIcon, isChannel } from '../../components/ChannelIcon.tsx';
import { describeError } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { DueLine } from './look.tsx';
import { MoveMenu } from './MoveMenu.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      {children}
    </Box>
  );
}

const NO_OWNER = '__none__';

/** Who, where and when of a case, with its status, owner and causes editable. */
export function CaseSidebar({ item, canWrite }: { item: RecoveryCaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const members = useMembers();
  const teams = useTeams();
  const update = useUpdateCase(item.id);
  const save = (input: UpdateRecoveryCaseInput) =>
    update.mutate(input, { onError: (error) => notifyError(t('errors.title'), describeError(error, t)) });
  const owners = [
    { value: NO_OWNER, label: t('recovery.card.noOwner') },
    ...(members.data ?? []).map((m) => ({ value: m.id, label: m.name })),
  ];
  if (item.ownerId && !owners.some((o) => o.value === item.ownerId)) {
    owners.push({ value: item.ownerId, label: item.owner?.name ?? t('common.unknown') });
  }
  const team = teams.data?.find((x) => x.id === item.teamId);

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <Fact label={t('recovery.case.status')}>
          {canWrite ? (
            <MoveMenu item={item} size="sm" />
          ) : (
            <Badge variant="light">{t(`recovery.status.${item.status}`)}</Badge>
          )}
        </Fact>
        <Select
          label={t('recovery.case.owner')}
          data={owners}
          value={item.ownerId ?? NO_OWNER}
          onChange={(value) => save({ ownerId: !value || value === NO_OWNER ? null : value })}
          allowDeselect={false}
          searchable
          disabled={!canWrite}
          data-testid="case-owner"
        />
        <Fact label={t('recovery.case.customer')}>
          <Group gap={6} wrap="nowrap">
            <IconUser size={14} aria-hidden />
            <Anchor component={Link} to={`/customers/contacts/${item.contactId}`} size="sm">
              {item.contact?.name || item.contact?.email || t('recovery.case.openProfile')}
            </Anchor>
          </Group>
          {item.contact?.email && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {item.contact.email}
            </Text>
          )}
        </Fact>
        {item.conversation && (
          <Fact label={t('recovery.case.conversation')}>
            <Group gap={6} wrap="nowrap">
              <ChannelIcon channel={item.conversation.channel} size={14} />
              <Anchor component={Link} to={`/inbox/${item.conversation.id}`} size="sm" data-testid="case-conversation">
                <Group gap={4} wrap="nowrap">
                  <span>{item.conversation.subject || t('recovery.case.openConversation')}</span>
                  <IconExternalLink size={12} aria-hidden />
                </Group>
              </Anchor>
            </Group>
          </Fact>
        )}
        {!item.conversation && item.channel && (
          <Fact label={t('recovery.case.channel')}>
            <Group gap={6}>
              <IconMessages size={14} aria-hidden />
              <Text size="sm">{isChannel(item.channel) ? t(`channel.${item.channel}`) : item.channel}</Text>
            </Group>
          </Fact>
        )}
        {team && (
          <Fact label={t('recovery.case.team')}>
            <Text size="sm">{team.name}</Text>
          </Fact>
        )}
        <Fact label={t('recovery.case.due')}>
          <Text size="sm">{formatDateTime(item.dueAt, locale)}</Text>
          {!item.firstContactAt && item.status !== 'closed' && <DueLine item={item} />}
        </Fact>
        <Fact label={t('recovery.case.firstContact')}>
          <Text size="sm" c={item.firstContactAt ? undefined : 'dimmed'}>
            {item.firstContactAt ? formatDateTime(item.firstContactAt, locale) : t('recovery.case.notContacted')}
          </Text>
        </Fact>
        <TagsInput
          label={t('recovery.case.causes')}
          placeholder={item.tags.length ? undefined : t('recovery.case.causesPlaceholder')}
          value={item.tags}
          onChange={(tags) => save({ tags })}
          splitChars={[',']}
          disabled={!canWrite}
          clearable
          data-testid="case-tags"
        />
      </Stack>
    </Paper>
  );
}
