import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.ts';
import { DataDirLockedError } from '../server/lock.ts';
import { startKoe } from '../server/main.ts';

const HELP = `koe — Koe (声) customer-experience platform

Usage: koe <command> [options]

  serve                 HTTP server and job worker (what npm start runs)
  worker                job worker only
  migrate               apply database migrations and exit

Environment: PORT, KOE_DATA_DIR, DATABASE_URL, PUBLIC_URL, KOE_SECRET, SMTP_URL`;

async function serve(worker: boolean, http: boolean) {
  const config = loadConfig();
  const koe = await startKoe(config, { http, worker, logger: false });
  if (http) {
    console.log(`Koe is running at ${koe.url}`);
    console.log(`API reference: ${koe.url}/api/docs`);
    if (koe.demoLogin) console.log(`Demo login: ${koe.demoLogin.email} / ${koe.demoLogin.password}`);
  } else console.log('Koe worker is running.');
  const stop = async () => {
    await koe.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { json: { type: 'boolean' }, help: { type: 'boolean' } },
    strict: false,
  });
  if (!command || command === 'help' || values.help) {
    console.log(HELP);
    return;
  }
  switch (command) {
    case 'serve':
      return serve(true, true);
    case 'worker':
      return serve(true, false);
    case 'migrate': {
      const koe = await startKoe({ ...loadConfig(), seedDemo: false }, { http: false, worker: false });
      await koe.close();
      console.log(values.json ? JSON.stringify({ migrated: true }) : 'Database is up to date.');
      return;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`koe: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
