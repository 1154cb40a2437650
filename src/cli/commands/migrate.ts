import { z } from 'zod';
import { migrateDatabase } from '../../server/db/client.ts';
import { defineCommand } from './command.ts';

export const migrate = defineCommand({
  name: 'migrate',
  args: z.object({}),
  async run(app): Promise<{ migrated: true; engine: string }> {
    // Opening the database already migrates it; this also covers a server started before an upgrade.
    await migrateDatabase(app.database);
    return { migrated: true, engine: app.database.engine };
  },
});
