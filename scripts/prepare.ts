// Run by `npm install` (the "prepare" script; npm puts node_modules/.bin first on
// PATH, so this is the Node 24 from the `node` dev dependency and runs as TypeScript).
// Builds the web app into dist/web, then the survey widget and page into dist/widget.
// It never fails the install: without a build the API still works, and `koe serve`
// tries the build again on its first start.
import { buildWeb, buildWidget } from '../src/cli/web-build.ts';

if (process.env.KOE_WEB_BUILD === '0') {
  console.log('koe prepare: KOE_WEB_BUILD=0, not building the web app.');
} else {
  console.log('koe prepare: building the web app (vite build --config src/web/vite.config.ts → dist/web)…');
  const outcome = await buildWeb('inherit');
  if (outcome.built) console.log('koe prepare: web app built into dist/web.');
  else
    console.warn(`koe prepare: web app not built: ${outcome.reason}. \`koe serve\` will try again on its first start.`);
}

if (process.env.KOE_WEB_BUILD !== '0') {
  const widget = await buildWidget();
  if (widget.built)
    console.log(`koe prepare: widget built into dist/widget (loader ${widget.loaderGzipBytes} bytes gzipped).`);
  else
    console.warn(`koe prepare: widget not built: ${widget.reason}. \`koe serve\` will try again on its first start.`);
}
