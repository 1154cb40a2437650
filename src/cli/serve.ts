import { existsSync } from 'node:fs';
import { loadConfig } from '../server/config.ts';
import { DataDirLockedError, lockPath } from '../server/lock.ts';
import { startKoe } from '../server/main.ts';
import { registerAdminChannel } from './admin-channel.ts';
import { parseFlags } from './args.ts';
import { SERVE_HELP } from './help.ts';
import { printLines } from './output.ts';
import { buildWeb, buildWidget, WEB_INDEX, WIDGET_LOADER } from './web-build.ts';

/** On a first start the web app is built; if that fails, the API starts anyway. */
async function ensureWebApp(): Promise<void> {
  if (process.env.KOE_WEB_BUILD === '0') return;
  if (!existsSync(WEB_INDEX)) {
    console.log('The web app is not built yet: building it now (once; `npm run build:web` rebuilds it)…');
    const outcome = await buildWeb();
    if (outcome.built) console.log('Web app built into dist/web.');
    else console.warn(`Web app not built: ${outcome.reason}. Starting the API without it.`);
  }
  if (!existsSync(WIDGET_LOADER)) {
    const widget = await buildWidget();
    if (widget.built) console.log('Survey widget and page built into dist/widget.');
    else console.warn(`Survey widget not built: ${widget.reason}. Survey pages and the widget are unavailable.`);
  }
}

export async function serveCli(argv: string[], mode: 'serve' | 'worker'): Promise<void> {
  const flags = parseFlags(argv, {}, SERVE_HELP);
  if (flags.help) {
    printLines(SERVE_HELP);
    return;
  }
  const http = mode === 'serve';
  const config = loadConfig();
  if (http) await ensureWebApp();
  let koe: Awaited<ReturnType<typeof startKoe>>;
  try {
    koe = await startKoe(config, {
      http,
      worker: true,
      logger: false,
      onRegisterAdmin: (fastify, app, token) => registerAdminChannel(fastify, app, token),
    });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const { pid, port, http: holderServes } = error.holder;
    const holder =
      holderServes === false
        ? `another koe command or worker (pid ${pid})`
        : `a running Koe server (pid ${pid}${port ? `, http://localhost:${port}` : ''})`;
    throw new Error(
      `The data directory ${config.dataDir} is in use by ${holder}. ` +
        'Only one server may open an embedded data directory: use that one, stop it first, ' +
        `or start this one with another KOE_DATA_DIR. (If no such process exists, delete ${lockPath(config.dataDir)}.)`,
    );
  }
  if (http) {
    console.log(`Koe is running at ${koe.url}`);
    console.log(`API reference: ${koe.url}/api/docs`);
    if (koe.demoLogin) console.log(`Demo login: ${koe.demoLogin.email} / ${koe.demoLogin.password}`);
  } else console.log('Koe worker is running.');
  let stopping = false;
  const stop = async () => {
    // Ctrl-C in a terminal reaches both bin/koe.js and this process: stop once.
    if (stopping) return;
    stopping = true;
    console.log('Stopping Koe…');
    await koe.close();
    console.log('Koe stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
