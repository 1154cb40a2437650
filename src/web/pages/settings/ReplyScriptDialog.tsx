import { Box, Button, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyScript } from '../../../shared/contracts/conversations.ts';
import { renderScript } from '../../../shared/scripts.ts';
import { useSaveReplyScript } from '../../api/scripts.ts';
import { useSession } from '../../api/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { fieldError } from '../../lib/errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { ScriptVariables } from './ScriptVariables.tsx';

const SHORTCUT = /^[a-z0-9_-]+$/;
type Lang = 'ja' | 'en';

export function ReplyScriptDialog({ script, onClose }: { script: ReplyScript | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const save = useSaveReplyScript();
  const [name, setName] = useState(script?.name ?? '');
  const [shortcut, setShortcut] = useState(script?.shortcut ?? '');
  const [bodies, setBodies] = useState<Record<Lang, string>>({
    ja: script?.bodies.ja ?? '',
    en: script?.bodies.en ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<'name' | 'shortcut' | 'bodies', string>>>({});
  const [lastFocused, setLastFocused] = useState<Lang>(i18n.language === 'en' ? 'en' : 'ja');
  const refs = { ja: useRef<HTMLTextAreaElement>(null), en: useRef<HTMLTextAreaElement>(null) };

  const insertVariable = (variable: string) => {
    const area = refs[lastFocused].current;
    const text = bodies[lastFocused];
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    setBodies({ ...bodies, [lastFocused]: text.slice(0, start) + variable + text.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + variable.length, start + variable.length);
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = Object.fromEntries(Object.entries(bodies).filter(([, body]) => body.trim() !== ''));
    const found = {
      name: name.trim() ? undefined : t('common.required'),
      shortcut: SHORTCUT.test(shortcut) ? undefined : t('scripts.shortcutHint'),
      bodies: Object.keys(filled).length ? undefined : t('scripts.bodyHint'),
    };
    setErrors(found);
    if (found.name || found.shortcut || found.bodies) return;
    save.mutate(
      { id: script?.id, name: name.trim(), shortcut, bodies: filled },
      {
        onSuccess: () => {
          notifySuccess(script ? t('scripts.updatedToast') : t('scripts.created'));
          onClose();
        },
      },
    );
  };

  const sample = {
    contact: { name: '山田 花子', email: 'hanako@example.jp' },
    company: { name: '株式会社サンプル' },
    agent: { name: me.user.name },
    conversation: { subject: t('conversation.subject') },
    workspace: { name: me.workspace.name },
  };
  const preview = renderScript(bodies[lastFocused], sample);
  const known = ['name', 'shortcut', 'bodies'].some((f) => fieldError(save.error, f));

  const body = (lang: Lang) => (
    <Textarea
      ref={refs[lang]}
      label={lang === 'ja' ? t('scripts.bodyJa') : t('scripts.bodyEn')}
      lang={lang}
      autosize
      minRows={5}
      maxRows={12}
      value={bodies[lang]}
      onFocus={() => setLastFocused(lang)}
      onChange={(event) => setBodies({ ...bodies, [lang]: event.currentTarget.value })}
      error={fieldError(save.error, `bodies.${lang}`)}
    />
  );

  return (
    <Modal opened onClose={onClose} title={script ? t('scripts.editTitle') : t('scripts.createTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="sm">
            {save.error && !known ? <ErrorState error={save.error} /> : null}
            <TextInput
              label={t('scripts.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name ?? fieldError(save.error, 'name')}
            />
            <TextInput
              label={t('scripts.shortcut')}
              description={t('scripts.shortcutHint')}
              required
              leftSection={<Text size="sm">/</Text>}
              value={shortcut}
              onChange={(e) => setShortcut(e.currentTarget.value.toLowerCase())}
              error={errors.shortcut ?? fieldError(save.error, 'shortcut')}
            />
            {body('ja')}
            {body('en')}
            {(errors.bodies ?? fieldError(save.error, 'bodies')) && (
              <Text size="xs" c="red">
                {errors.bodies ?? fieldError(save.error, 'bodies')}
              </Text>
            )}
          </Stack>
          <Stack gap="md">
            <ScriptVariables onInsert={insertVariable} />
            <Box>
              <Text size="sm" fw={600} mb={4}>
                {t('scripts.preview')} ({lastFocused === 'ja' ? '日本語' : 'English'})
              </Text>
              <Box p="sm" bg="gray.0" style={{ borderRadius: 8, minHeight: 80 }}>
                <Text size="sm" className="koe-text">
                  {preview || '—'}
                </Text>
              </Box>
            </Box>
          </Stack>
        </SimpleGrid>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {script ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
