import { sql } from 'drizzle-orm';
import {
  type GoalMetric,
  type Industry,
  type MetricReference,
  type MetricReferences,
  ReferencesInput,
} from '../../../shared/contracts/metrics.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/problem.ts';

/** The key of `workspaces.settings` holding the chosen industry and the custom references. */
const SETTINGS_KEY = 'metricReferences';

const HOUR = 3600;

type Target = Omit<MetricReference, 'source'>;

/** Typical CSAT is 70–80 %, above 80 % is good: the same for every industry. */
const CSAT: Target = { metric: 'csat.percent', low: 70, high: 80, target: 80 };

const speed = (firstReplyHours: number, resolutionHours: number): Target[] => [
  { metric: 'first_response.median_seconds', low: null, high: null, target: firstReplyHours * HOUR },
  { metric: 'resolution.median_seconds', low: null, high: null, target: resolutionHours * HOUR },
];

/** Reference points of DESIGN.md "Metric definitions": first reply / resolution targets by industry. */
export const INDUSTRY_REFERENCES: Record<Industry, Target[]> = {
  it_services: [CSAT, ...speed(2, 8)],
  finance: [CSAT, ...speed(4, 24)],
  retail: [CSAT, ...speed(24, 48)],
  // "Other": the typical CSAT band only; speed targets come from the custom entries.
  custom: [CSAT],
};

/** The stored settings, read back through the contract; anything unreadable counts as "none chosen". */
function storedInput(settings: unknown): ReferencesInput {
  const value = (settings as Record<string, unknown> | null)?.[SETTINGS_KEY];
  const parsed = ReferencesInput.safeParse(value ?? { industry: null });
  return parsed.success ? parsed.data : { industry: null, custom: [] };
}

/** The industry's references with the custom ones on top: a custom entry replaces the industry's for its metric. */
export function resolveReferences(input: ReferencesInput): MetricReferences {
  const byMetric = new Map<GoalMetric, MetricReference>();
  for (const entry of input.industry ? INDUSTRY_REFERENCES[input.industry] : []) {
    byMetric.set(entry.metric, { ...entry, source: 'industry' });
  }
  for (const entry of input.custom) byMetric.set(entry.metric, { ...entry, source: 'custom' });
  return { industry: input.industry, references: [...byMetric.values()] };
}

async function readSettings(tx: Tx, workspaceId: string): Promise<unknown> {
  const result = await tx.execute<{ settings: unknown }>(
    sql`select w.settings from workspaces w where w.id = ${workspaceId}`,
  );
  const row = result.rows[0];
  if (!row) throw notFound('Workspace');
  return row.settings;
}

export async function getReferences(tx: Tx, workspaceId: string): Promise<MetricReferences> {
  return resolveReferences(storedInput(await readSettings(tx, workspaceId)));
}

/** Replaces the workspace's references; one statement, other settings keys untouched. */
export async function putReferences(tx: Tx, workspaceId: string, input: ReferencesInput): Promise<MetricReferences> {
  // The last entry for a metric wins, as it would on screen.
  const custom = [...new Map(input.custom.map((entry) => [entry.metric, entry])).values()];
  const stored: ReferencesInput = { industry: input.industry, custom };
  const result = await tx.execute(sql`
    update workspaces w
       set settings = coalesce(w.settings, '{}'::jsonb) || jsonb_build_object(${SETTINGS_KEY}::text, ${JSON.stringify(stored)}::jsonb)
     where w.id = ${workspaceId}`);
  if (result.rowCount === 0) throw notFound('Workspace');
  return resolveReferences(stored);
}
