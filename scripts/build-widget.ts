// `npm run build:widget`: the survey widget (loader + dialog) and the public survey page → dist/widget.
import { buildWidget, LOADER_BUDGET } from '../src/widget/build.ts';

const outcome = await buildWidget();
if (!outcome.built) {
  console.error(`widget not built: ${outcome.reason}`);
  process.exit(1);
}
console.log(`dist/widget built; loader ${outcome.loaderGzipBytes} bytes gzipped (budget ${LOADER_BUDGET}).`);
