import { ActionIcon, Box, Drawer, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useHotkeys, useMediaQuery } from '@mantine/hooks';
import { IconUserCircle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useConversation, useUpdateConversation } from '../../api/conversations.ts';
import { useSession } from '../../api/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { describeError } from '../../lib/errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ConversationHeader } from './ConversationHeader.tsx';
import { CustomerPanel } from './CustomerPanel.tsx';
import { MessageThread } from './MessageThread.tsx';
import { ReplyBox } from './ReplyBox.tsx';

function PaneSkeleton() {
  return (
    <Stack p="md" gap="md" aria-busy="true">
      <Skeleton height={28} width="60%" />
      <Skeleton height={36} />
      <Skeleton height={90} width="70%" />
      <Skeleton height={70} width="60%" ml="auto" />
      <Skeleton height={120} mt="auto" />
    </Stack>
  );
}

export function ConversationView() {
  const { t } = useTranslation();
  const { conversationId = '' } = useParams();
  const me = useSession();
  const conversation = useConversation(conversationId);
  const update = useUpdateConversation(conversationId);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const canWrite = me.role !== 'viewer';
  // On narrower screens the conversation keeps the room and the customer opens in a drawer.
  const wide = useMediaQuery('(min-width: 87.5em)', true);
  const [panelOpen, setPanelOpen] = useState(false);

  const resolve = () => {
    const current = conversation.data;
    if (!current || !canWrite || current.status === 'resolved' || current.status === 'closed') return;
    update.mutate(
      { status: 'resolved' },
      {
        onSuccess: () => notifySuccess(t('inbox.resolvedToast')),
        onError: (error) => notifyError(t('errors.title'), describeError(error, t)),
      },
    );
  };

  useHotkeys([
    ['r', () => replyRef.current?.focus()],
    ['e', resolve],
  ]);

  if (conversation.isPending) return <PaneSkeleton />;
  if (conversation.isError) {
    return (
      <Box p="md">
        <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
      </Box>
    );
  }
  const current = conversation.data;

  return (
    <Box
      style={{
        display: 'grid',
        gridTemplateColumns: wide ? 'minmax(0, 1fr) 320px' : 'minmax(0, 1fr)',
        height: '100%',
        minHeight: 0,
      }}
    >
      <Box
        component="section"
        aria-label={t('conversation.pane')}
        data-testid="conversation-pane"
        style={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0 }}
      >
        <ConversationHeader
          conversation={current}
          update={update}
          canWrite={canWrite}
          extra={
            !wide && (
              <Tooltip label={t('customerPanel.title')}>
                <ActionIcon variant="light" aria-label={t('customerPanel.title')} onClick={() => setPanelOpen(true)}>
                  <IconUserCircle size={18} />
                </ActionIcon>
              </Tooltip>
            )
          }
        />
        <MessageThread conversationId={current.id} />
        {canWrite ? (
          <ReplyBox key={current.id} conversation={current} textareaRef={replyRef} />
        ) : (
          <Text size="sm" c="dimmed" p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            {t('reply.viewerCannotReply')}
          </Text>
        )}
      </Box>
      {wide ? (
        <CustomerPanel contactId={current.contactId} currentConversationId={current.id} />
      ) : (
        <Drawer
          opened={panelOpen}
          onClose={() => setPanelOpen(false)}
          position="right"
          size={360}
          padding={0}
          withCloseButton={false}
        >
          <CustomerPanel contactId={current.contactId} currentConversationId={current.id} />
        </Drawer>
      )}
    </Box>
  );
}
