import { loadConfig } from '../server/config.ts';
import type { MetricsReport } from '../shared/contracts/metrics.ts';
import { parseFlags, toFlag, validateArgs } from './args.ts';
import { type MetricsArgs, metricsCommand } from './commands/metrics.ts';
import { METRICS_HELP } from './help.ts';
import { formatReport } from './metrics-table.ts';
import { printJson, printLines } from './output.ts';
import { describeRoute, runCommand } from './runner.ts';

/** Flags whose names differ from the query keys. */
const FLAG_OF: Record<string, string> = {
  workspaceId: '--workspace',
  agentId: '--agent',
  teamId: '--team',
  companyId: '--company',
  segmentId: '--segment',
};

export async function metricsCli(argv: string[]): Promise<void> {
  const list = { type: 'string', multiple: true } as const;
  const flags = parseFlags(
    argv,
    {
      workspace: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      'business-hours': { type: 'boolean' },
      compare: { type: 'boolean' },
      channel: list,
      agent: list,
      team: list,
      tag: list,
      company: list,
      touchpoint: list,
      segment: { type: 'string' },
    },
    METRICS_HELP,
  );
  if (flags.help) {
    printLines(METRICS_HELP);
    return;
  }
  const values = flags as Record<string, string | string[] | boolean | undefined>;
  const args = validateArgs(
    metricsCommand.args,
    {
      workspaceId: values.workspace,
      from: values.from,
      to: values.to,
      by: values.by,
      businessHours: values['business-hours'],
      compare: values.compare,
      channel: values.channel,
      agentId: values.agent,
      teamId: values.team,
      tag: values.tag,
      companyId: values.company,
      touchpoint: values.touchpoint,
      segmentId: values.segment,
    },
    METRICS_HELP,
    (key) => FLAG_OF[key] ?? toFlag(key),
  );
  const config = loadConfig();
  const { result, route } = await runCommand<MetricsArgs, MetricsReport>(config, metricsCommand, args, 'metrics');
  if (flags.json) {
    printJson(result);
    return;
  }
  printLines(...formatReport(result), route.via === 'server' ? `\n(computed${describeRoute(route)})` : null);
}
