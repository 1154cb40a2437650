import { ActionIcon, Box, Button, Group, Popover, Text, Textarea, Tooltip } from '@mantine/core';
import { IconCheck, IconLock, IconMessage, IconSend, IconTemplate } from '@tabler/icons-react';
import { type KeyboardEvent, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, ConversationStatus, ReplyScript } from '../../../shared/contracts/conversations.ts';
import type { ScriptContext } from '../../../shared/scripts.ts';
import { useSendMessage } from '../../api/conversations.ts';
import { useContact } from '../../api/customers.ts';
import { renderReplyScript } from '../../api/scripts.ts';
import { useSession } from '../../api/session.ts';
import { ToggleGroup } from '../../components/ToggleGroup.tsx';
import { describeError, fieldError } from '../../lib/errors.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { ScriptPicker, scriptOptionId } from './ScriptPicker.tsx';
import { useScriptShortcut } from './useScriptShortcut.ts';

type Mode = 'reply' | 'note';

interface ReplyBoxProps {
  conversation: Conversation;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

export function ReplyBox({ conversation, textareaRef }: ReplyBoxProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const [inserting, setInserting] = useState(false);
  const send = useSendMessage(conversation);
  const picker = useScriptShortcut(text);
  const contact = useContact(conversation.contactId);
  const me = useSession();
  // The customer's language decides the script's language, not the agent's UI.
  const language = conversation.language ?? contact.data?.locale ?? me.workspace.defaultLocale;
  const previewContext: ScriptContext = {
    contact: { name: contact.data?.name ?? conversation.contact?.name, email: conversation.contact?.email },
    company: contact.data?.company ?? null,
    agent: { name: me.user.name },
    conversation: { subject: conversation.subject },
    workspace: { name: me.workspace.name },
  };
  const isNote = mode === 'note';

  const insert = async (script: ReplyScript) => {
    picker.close();
    setInserting(true);
    try {
      const { body } = await renderReplyScript(script.id, conversation.id, language);
      setText((current) => (picker.typedShortcut || current.trim() === '' ? body : `${current}\n${body}`));
      textareaRef.current?.focus();
    } catch (error) {
      notifyError(t('errors.title'), describeError(error, t));
    } finally {
      setInserting(false);
    }
  };

  const submit = (status?: ConversationStatus) => {
    const body = text.trim();
    if (!body || send.isPending) return;
    send.mutate(
      { kind: mode, body, ...(status ? { status } : {}) },
      {
        onSuccess: () => {
          setText('');
          notifySuccess(isNote ? t('reply.noteAdded') : t('reply.sent'));
        },
        onError: (error) => notifyError(t('errors.title'), describeError(error, t)),
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const handled = picker.onKey(event.key);
    if (handled) {
      event.preventDefault();
      if (handled !== 'handled') void insert(handled);
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  const done = conversation.status === 'resolved' || conversation.status === 'closed';

  return (
    <Box p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" mb={6}>
        <ToggleGroup<Mode>
          label={t('reply.modeLabel')}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'reply', label: t('reply.reply'), icon: <IconMessage size={14} />, testId: 'reply-mode-reply' },
            {
              value: 'note',
              label: t('reply.note'),
              icon: <IconLock size={14} />,
              color: 'yellow',
              testId: 'reply-mode-note',
            },
          ]}
        />
        {isNote && (
          <Text size="xs" c="yellow.9">
            {t('conversation.internalNoteHint')}
          </Text>
        )}
      </Group>
      <Popover
        opened={picker.open}
        position="top-start"
        width="target"
        trapFocus={false}
        returnFocus={false}
        shadow="md"
      >
        <Popover.Target>
          <Textarea
            ref={textareaRef}
            data-testid="reply-box"
            aria-label={isNote ? t('reply.note') : t('reply.reply')}
            placeholder={isNote ? t('reply.notePlaceholder') : t('reply.placeholder')}
            autosize
            minRows={3}
            maxRows={12}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            onBlur={() => picker.open && picker.close()}
            error={fieldError(send.error, 'body')}
            disabled={inserting}
            aria-expanded={picker.open}
            aria-controls={picker.open ? 'reply-script-list' : undefined}
            aria-activedescendant={picker.open && picker.matches.length ? scriptOptionId(picker.active) : undefined}
            styles={{
              input: isNote
                ? { background: 'var(--mantine-color-yellow-0)', borderColor: 'var(--mantine-color-yellow-5)' }
                : undefined,
            }}
          />
        </Popover.Target>
        <Popover.Dropdown p={4}>
          <ScriptPicker
            scripts={picker.matches}
            activeIndex={picker.active}
            language={language}
            context={previewContext}
            onPick={(script) => void insert(script)}
            onHover={picker.setActive}
          />
        </Popover.Dropdown>
      </Popover>
      <Group justify="space-between" mt="xs">
        <Group gap="xs">
          <Tooltip label={t('reply.insertScript')}>
            <ActionIcon
              variant="subtle"
              aria-label={t('reply.insertScript')}
              onClick={() => {
                picker.show();
                textareaRef.current?.focus();
              }}
            >
              <IconTemplate size={18} />
            </ActionIcon>
          </Tooltip>
          <Text size="xs" c="dimmed">
            {t('reply.sendHint')}
          </Text>
        </Group>
        <Group gap="xs">
          {!done && (
            <Button
              variant="light"
              color="green"
              leftSection={<IconCheck size={16} />}
              disabled={!text.trim()}
              loading={send.isPending && send.variables?.status === 'resolved'}
              onClick={() => submit('resolved')}
              data-testid="reply-send-resolve"
            >
              {t('reply.sendAndResolve')}
            </Button>
          )}
          <Button
            data-testid="reply-send"
            color={isNote ? 'yellow' : undefined}
            c={isNote ? 'dark' : undefined}
            leftSection={isNote ? <IconLock size={16} /> : <IconSend size={16} />}
            disabled={!text.trim()}
            loading={send.isPending && send.variables?.status === undefined}
            onClick={() => submit()}
          >
            {isNote ? t('reply.addNote') : t('reply.send')}
          </Button>
        </Group>
      </Group>
    </Box>
  );
}
