import { Anchor, Box, Button, Chip, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconGitMerge, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TIMELINE_KINDS, type TimelineKind } from '../../../shared/contracts/customers.ts';
import { useContact } from '../../api/customers.ts';
import { useSession } from '../../api/session.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Page } from '../../components/Page.tsx';
import { ContactFacts } from './ContactFacts.tsx';
import { CustomerTimeline } from './CustomerTimeline.tsx';
import { EditContactDialog } from './EditContactDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';

export function ContactPage() {
  const { t } = useTranslation();
  const { contactId = '' } = useParams();
  const me = useSession();
  const contact = useContact(contactId);
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [dialog, setDialog] = useState<'merge' | 'edit' | null>(null);
  const canWrite = me.role !== 'viewer';

  const back = (
    <Anchor component={Link} to="/customers" size="sm" mb="sm" display="inline-block">
      <Group gap={4}>
        <IconArrowLeft size={14} />
        {t('customers.contacts')}
      </Group>
    </Anchor>
  );

  if (contact.isPending) {
    return (
      <Box px="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width={280} mb="md" />
        <Skeleton height={90} mb="lg" />
        <Skeleton height={60} mb="xs" />
        <Skeleton height={60} />
      </Box>
    );
  }
  if (contact.isError) {
    return (
      <Box px="xl" py="lg">
        {back}
        <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />
      </Box>
    );
  }
  const data = contact.data;

  return (
    <Page
      above={back}
      title={data.name || data.emails[0] || t('customers.noName')}
      description={data.company?.name}
      actions={
        canWrite && (
          <>
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => setDialog('edit')}
              data-testid="contact-edit"
            >
              {t('common.edit')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconGitMerge size={16} />}
              onClick={() => setDialog('merge')}
              data-testid="contact-merge"
            >
              {t('customers.merge')}
            </Button>
          </>
        )
      }
    >
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <ContactFacts contact={data} />
        </Paper>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {t('timeline.title')}
            </Title>
            <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value as TimelineKind[])}>
              <Group gap={6} role="group" aria-label={t('timeline.filter')}>
                {TIMELINE_KINDS.map((kind) => (
                  <Chip key={kind} value={kind} size="xs" variant="outline">
                    {t(`timeline.kinds.${kind}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Group>
          <CustomerTimeline contactId={data.id} kinds={kinds} />
        </Stack>
      </Stack>
      <MergeDialog target={data} opened={dialog === 'merge'} onClose={() => setDialog(null)} />
      {dialog === 'edit' && <EditContactDialog contact={data} onClose={() => setDialog(null)} />}
    </Page>
  );
}
