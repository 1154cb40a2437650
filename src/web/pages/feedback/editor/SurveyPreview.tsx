import { ActionIcon, Box, Group, Paper, Text, Title, Tooltip } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconDeviceDesktop, IconDeviceMobile, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition } from '../../../../shared/contracts/surveys.ts';
import { useSession } from '../../../api/session.ts';
import { ToggleGroup } from '../../../components/ToggleGroup.tsx';
import { useLocale } from '../../../lib/useLocale.ts';
import type { SurveyLanguage } from '../surveys/blankSurvey.ts';
import { RespondentFrame } from './RespondentFrame.tsx';
import { respondentView } from './respondentView.ts';

type Device = 'desktop' | 'mobile';

/** Width the page is laid out at before it is scaled to fit the column. */
const DEVICE_WIDTH: Record<Device, number> = { desktop: 680, mobile: 375 };

/** The survey as the respondent will see it, in Japanese or English, on a computer or a phone. */
export function SurveyPreview({ definition }: { definition: SurveyDefinition }) {
  const { t } = useTranslation();
  const me = useSession();
  const uiLocale = useLocale();
  const [language, setLanguage] = useState<SurveyLanguage>(uiLocale);
  const [device, setDevice] = useState<Device>('desktop');
  const [resetKey, setResetKey] = useState(0);
  const { ref, width } = useElementSize();
  const view = useMemo(() => respondentView(definition, language), [definition, language]);
  const deviceWidth = DEVICE_WIDTH[device];
  const available = Math.max(0, width - (device === 'mobile' ? 24 : 0));
  const zoom = available > 0 ? Math.min(1, available / deviceWidth) : 1;

  return (
    <Paper withBorder radius="md" data-testid="survey-preview" style={{ overflow: 'hidden' }}>
      <Group
        justify="space-between"
        px="md"
        py="sm"
        gap="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Title order={2} size="h5">
          {t('surveyEditor.preview')}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <ToggleGroup
            label={t('surveyEditor.previewLanguage')}
            value={language}
            onChange={setLanguage}
            options={[
              { value: 'ja', label: '日本語', lang: 'ja', testId: 'preview-lang-ja' },
              { value: 'en', label: 'English', lang: 'en', testId: 'preview-lang-en' },
            ]}
          />
          <ToggleGroup
            label={t('surveyEditor.previewDevice')}
            value={device}
            onChange={setDevice}
            options={[
              {
                value: 'desktop',
                label: <IconDeviceDesktop size={16} aria-label={t('surveyEditor.desktop')} />,
                testId: 'preview-desktop',
              },
              {
                value: 'mobile',
                label: <IconDeviceMobile size={16} aria-label={t('surveyEditor.mobile')} />,
                testId: 'preview-mobile',
              },
            ]}
          />
          <Tooltip label={t('surveyEditor.previewReset')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={() => setResetKey((k) => k + 1)}
              aria-label={t('surveyEditor.previewReset')}
            >
              <IconRefresh size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Box ref={ref} bg="gray.1" py={device === 'mobile' ? 'md' : 0}>
        <Box
          mx="auto"
          w={deviceWidth}
          style={{
            zoom,
            ...(device === 'mobile'
              ? {
                  border: '10px solid #212529',
                  borderRadius: 32,
                  height: 700,
                  overflowY: 'auto',
                  background: '#f1f3f5',
                }
              : {}),
          }}
          data-device={device}
          data-language={language}
        >
          <RespondentFrame view={view} workspaceName={me.workspace.name} resetKey={resetKey} />
        </Box>
      </Box>
      <Text size="xs" c="dimmed" px="md" py="xs">
        {t('surveyEditor.previewHint')}
      </Text>
    </Paper>
  );
}
