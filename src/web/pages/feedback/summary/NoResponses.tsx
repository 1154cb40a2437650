import { Button, Paper } from '@mantine/core';
import { IconMessageCircleQuestion, IconSearchOff, IconSend, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Survey } from '../../../../shared/contracts/surveys.ts';
import { Empty } from '../../../components/Empty.tsx';

interface NoResponsesProps {
  survey: Survey;
  /** A period or slice is chosen: the answers may be outside it. */
  filtered: boolean;
  /** Invitations went out; answers have not come back yet. */
  waiting?: boolean;
  onSend?: () => void;
}

/** Says why there is nothing to show yet and how to start collecting answers. */
export function NoResponses({ survey, filtered, waiting = false, onSend }: NoResponsesProps) {
  const { t } = useTranslation();
  const afterResolutionOn = survey.settings.afterResolution.enabled;
  const description = waiting
    ? t('summary.waitingHint')
    : afterResolutionOn
      ? survey.status === 'active'
        ? t('summary.emptyWaiting')
        : t('summary.emptyActivate')
      : t('summary.emptyHint');

  return (
    <Paper withBorder radius="md" py="lg" data-testid={waiting ? 'summary-waiting' : 'summary-empty'}>
      {filtered ? (
        <Empty
          icon={<IconSearchOff />}
          title={t('summary.emptyFiltered')}
          description={t('summary.emptyFilteredHint')}
        />
      ) : (
        <Empty
          icon={<IconMessageCircleQuestion />}
          title={waiting ? t('summary.waiting') : t('summary.empty')}
          description={description}
          action={
            <>
              <Button
                component={Link}
                to={`/feedback/surveys/${survey.id}?tab=distribution`}
                leftSection={<IconSettings size={16} />}
                variant={afterResolutionOn ? 'default' : 'filled'}
              >
                {afterResolutionOn ? t('summary.reviewDistribution') : t('summary.turnOnAfterResolution')}
              </Button>
              {onSend && survey.status !== 'archived' && (
                <Button variant="default" leftSection={<IconSend size={16} />} onClick={onSend}>
                  {t('summary.sendNow')}
                </Button>
              )}
            </>
          }
        />
      )}
    </Paper>
  );
}
