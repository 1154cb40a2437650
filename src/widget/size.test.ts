import { describe, expect, test } from 'vitest';
import { bundleWidget, gzip, LOADER_BUDGET } from './build.ts';

/** The loader is on every page of every site that embeds Koe: its size is a budget, checked on every run. */
describe('widget bundle size', () => {
  test(`the loader is at most ${LOADER_BUDGET} bytes gzipped and leaves the dialog to a lazy chunk`, async () => {
    const bundle = await bundleWidget();
    const loaderBytes = gzip(bundle.loader).length;
    console.log(
      `widget.js ${loaderBytes} B gzipped (budget ${LOADER_BUDGET}); app.js ${gzip(bundle.app).length} B; page.js ${gzip(bundle.page).length} B`,
    );
    expect(loaderBytes).toBeLessThanOrEqual(LOADER_BUDGET);
    // The form renderer and the messages stay out of the loader.
    expect(bundle.loader).not.toContain('radiogroup');
    expect(bundle.loader).not.toContain('送信する');
    expect(bundle.loader).toMatch(/\/widget\/app\.js\?v=[0-9a-f]{12}/);
    expect(bundle.app).toContain('radiogroup');
  });
});
