import { Box, Skeleton } from '@mantine/core';
import { useParams } from 'react-router';
import { useSurvey } from '../../../api/surveys.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { BackToSurveys } from '../BackToSurveys.tsx';
import { SurveyEditor } from './SurveyEditor.tsx';

export function SurveyEditorPage() {
  const { surveyId = '' } = useParams();
  const survey = useSurvey(surveyId);

  if (survey.isPending) {
    return (
      <Box px="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width={320} mb="lg" />
        <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 24 }}>
          <Skeleton height={420} />
          <Skeleton height={420} />
        </Box>
      </Box>
    );
  }
  if (survey.isError) {
    return (
      <Box px="xl" py="lg">
        <BackToSurveys />
        <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />
      </Box>
    );
  }
  // A fresh editor per survey: the draft starts from what is saved.
  return <SurveyEditor key={survey.data.id} survey={survey.data} />;
}
