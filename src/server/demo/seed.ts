import type { AppContext } from '../context.ts';
import { countWorkspaces } from '../modules/workspaces/service.ts';
import { DEMO_OWNER, generateDemo } from './generate.ts';

/**
 * On an empty embedded database, `npm start` creates a demo workspace so there is
 * something to look at; with DATABASE_URL this never runs.
 */
export async function seedDemoIfEmpty(app: AppContext): Promise<{ email: string; password: string } | null> {
  if ((await countWorkspaces(app.db)) > 0) return null;
  app.log.info('Creating the demo workspace (Japanese and English sample data)…');
  // Enough history that Insights shows solid figures (about 110 CSAT answers) within a few seconds.
  await generateDemo(app.db, { days: 30, conversations: 500 });
  return DEMO_OWNER;
}
