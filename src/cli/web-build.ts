import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths of the web app's sources and build (the server serves dist/web when it exists). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_CONFIG = join(ROOT, 'src/web/vite.config.ts');
export const WEB_INDEX = join(ROOT, 'dist/web/index.html');
/** The widget and the public survey page are built by esbuild (src/widget/build.ts) into dist/widget. */
export { buildWidget, WIDGET_LOADER } from '../widget/build.ts';

const BUILD_TIMEOUT_MS = 300_000;

export type WebBuildOutcome = { built: true } | { built: false; reason: string };

function viteBin(): string | null {
  try {
    const require = createRequire(join(ROOT, 'package.json'));
    return join(dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  } catch {
    return null;
  }
}

/**
 * Builds the web app with Vite (`vite build --config src/web/vite.config.ts` → dist/web).
 * Never throws: a missing config, a missing Vite or a failed build come back as a reason.
 * The build's own output goes to `output` (stderr by default, so stdout stays the caller's).
 */
export async function buildWeb(output: 'inherit' | 'stderr' = 'stderr'): Promise<WebBuildOutcome> {
  if (!existsSync(WEB_CONFIG)) return { built: false, reason: 'src/web/vite.config.ts does not exist yet' };
  const vite = viteBin();
  if (!vite || !existsSync(vite)) {
    return { built: false, reason: 'Vite is not installed (install the dev dependencies: npm install)' };
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', WEB_CONFIG], {
      cwd: ROOT,
      stdio: ['ignore', output === 'inherit' ? 'inherit' : process.stderr, 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    // A build that hangs must not keep the API from starting.
    const timer = setTimeout(() => child.kill('SIGTERM'), BUILD_TIMEOUT_MS);
    child.on('error', (error) => resolve({ built: false, reason: error.message }));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(WEB_INDEX)) resolve({ built: true });
      else if (code === 0) resolve({ built: false, reason: 'the build finished without dist/web/index.html' });
      else resolve({ built: false, reason: `vite build exited with ${signal ?? `code ${code}`}` });
    });
  });
}
