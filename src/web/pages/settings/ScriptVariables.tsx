import { Code, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SCRIPT_VARIABLES } from '../../../shared/scripts.ts';

type Variable = (typeof SCRIPT_VARIABLES)[number];

const KEYS = {
  'contact.name': 'scripts.vars.contact_name',
  'contact.first_name': 'scripts.vars.contact_first_name',
  'contact.email': 'scripts.vars.contact_email',
  'company.name': 'scripts.vars.company_name',
  'agent.name': 'scripts.vars.agent_name',
  'conversation.subject': 'scripts.vars.conversation_subject',
  'workspace.name': 'scripts.vars.workspace_name',
} as const satisfies Record<Variable, string>;

/** The variables a script may use; clicking one inserts it. */
export function ScriptVariables({ onInsert }: { onInsert: (variable: string) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('scripts.variables')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('scripts.variablesHint')}
      </Text>
      <Table verticalSpacing={4} horizontalSpacing="xs" fz="xs">
        <Table.Tbody>
          {SCRIPT_VARIABLES.map((variable) => (
            <Table.Tr key={variable}>
              <Table.Td w="50%">
                <UnstyledButton onClick={() => onInsert(`{{${variable}}}`)} aria-label={`{{${variable}}}`}>
                  <Code>{`{{${variable}}}`}</Code>
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{t(KEYS[variable])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
