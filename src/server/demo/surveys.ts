import type { SurveySettings } from '../../shared/contracts/surveys.ts';
import type { Db } from '../db/client.ts';
import { createSurvey, findSurveyByTemplate, getSurveyRecord, type SurveyRecord } from '../modules/surveys/service.ts';
import { findTemplate } from '../modules/surveys/templates.ts';
import type { TeamKey } from './data/staff.ts';

export interface DemoSurveys {
  csat: SurveyRecord;
  ces: SurveyRecord;
  nps: SurveyRecord;
}

// Only the anonymous link uses it, and none of these templates has one.
const NO_LINK = { secret: '', publicUrl: '' };

type DemoTemplate = 'csat_support' | 'ces_resolution' | 'nps_relationship';

/**
 * The demo's three active surveys, made from the templates (found again by template when
 * the demo fills the same workspace twice). CSAT follows resolutions by first line and
 * billing, CES those of the technical team: one survey per resolved conversation, as the
 * over-surveying rules would allow no more anyway. NPS is the periodic relationship email.
 */
export async function ensureDemoSurveys(
  db: Db,
  workspaceId: string,
  teamIds: Map<TeamKey, string>,
): Promise<DemoSurveys> {
  const teams = (...keys: TeamKey[]) => keys.flatMap((key) => teamIds.get(key) ?? []);
  const ensure = async (template: DemoTemplate, teamIdsOfTrigger: string[]): Promise<SurveyRecord> => {
    const found = await findSurveyByTemplate(db, workspaceId, template);
    if (found) return found;
    const source = findTemplate(template);
    if (!source) throw new Error(`survey template ${template} is missing`);
    const settings: SurveySettings = source.settings.afterResolution.enabled
      ? { ...source.settings, afterResolution: { ...source.settings.afterResolution, teamIds: teamIdsOfTrigger } }
      : source.settings;
    const survey = await createSurvey(db, NO_LINK, workspaceId, {
      name: source.name.ja ?? template,
      template,
      settings,
      status: 'active',
    });
    return getSurveyRecord(db, workspaceId, survey.id);
  };
  return {
    csat: await ensure('csat_support', teams('tier1', 'billing')),
    ces: await ensure('ces_resolution', teams('technical')),
    nps: await ensure('nps_relationship', []),
  };
}
