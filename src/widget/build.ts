import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Builds the widget with esbuild into dist/widget: widget.js (the loader sites embed),
 * app.js (the survey dialog, loaded on demand) and page.js (the public survey page).
 */
const SOURCE = fileURLToPath(new URL('.', import.meta.url));
export const WIDGET_DIST = fileURLToPath(new URL('../../dist/widget', import.meta.url));
export const WIDGET_LOADER = join(WIDGET_DIST, 'widget.js');
/** The loader's budget: at most this many bytes gzipped. */
export const LOADER_BUDGET = 10_240;

/** A short content hash: the cache-busting `?v=` of a bundle. */
export const versionOf = (code: string | Uint8Array) => createHash('sha256').update(code).digest('hex').slice(0, 12);
export const gzip = (code: string | Uint8Array) => gzipSync(code, { level: 9 });

export interface WidgetBundle {
  loader: string;
  app: string;
  page: string;
}

export async function bundleWidget(): Promise<WidgetBundle> {
  const esbuild = await import('esbuild');
  const one = async (entry: string, format: 'esm' | 'iife', define: Record<string, string> = {}) => {
    const result = await esbuild.build({
      entryPoints: [join(SOURCE, entry)],
      bundle: true,
      minify: true,
      write: false,
      format,
      define,
      // Browsers of the last few years; dynamic import() and optional chaining kept as they are.
      target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
    });
    const [output] = result.outputFiles;
    if (!output) throw new Error(`esbuild produced nothing for ${entry}`);
    return output.text;
  };
  const app = await one('app.ts', 'esm');
  const page = await one('page.ts', 'iife');
  const loader = await one('loader.ts', 'iife', {
    KOE_APP_PATH: JSON.stringify(`/widget/app.js?v=${versionOf(app)}`),
  });
  return { loader, app, page };
}

export type WidgetBuildOutcome = { built: true; loaderGzipBytes: number } | { built: false; reason: string };

/** Writes dist/widget. Never throws: without esbuild (no dev dependencies) the reason comes back. */
export async function buildWidget(): Promise<WidgetBuildOutcome> {
  try {
    const bundle = await bundleWidget();
    mkdirSync(WIDGET_DIST, { recursive: true });
    writeFileSync(join(WIDGET_DIST, 'app.js'), bundle.app);
    writeFileSync(join(WIDGET_DIST, 'page.js'), bundle.page);
    writeFileSync(WIDGET_LOADER, bundle.loader);
    return { built: true, loaderGzipBytes: gzip(bundle.loader).length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { built: false, reason: message.includes("'esbuild'") ? 'esbuild is not installed (npm install)' : message };
  }
}
