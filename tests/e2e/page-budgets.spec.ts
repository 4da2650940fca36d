/**
 * The lesson page's byte budgets (issue 15), held on the test build: bytes are deterministic, so these
 * fail when a change makes the first load heavier. Timings (LCP, start-up) are `npm run bench`'s to measure.
 */
import { expect, test } from '@playwright/test';
import { pageBudgets, pageWeight } from '../support/pageWeight';

const siteDir = 'dist-test/client';

for (const locale of ['en', 'bg', 'ar'] as const) {
  test(`the ${locale} lesson page keeps to its budgets: HTML ≤ 33 KB and scripts before load ≤ 5 KB, gzip`, () => {
    const weight = pageWeight(siteDir, `${locale}/module-08/04-cutting-edge-models/index.html`);
    expect(weight.html.gzip, 'lesson HTML, gzip bytes').toBeLessThanOrEqual(pageBudgets.html);
    expect(weight.js.gzip, `scripts before load (${weight.scriptFiles.join(', ')}), gzip bytes`).toBeLessThanOrEqual(pageBudgets.scriptsBeforeLoad);
    expect(weight.scriptFiles.length, 'one page script and what it imports').toBeGreaterThan(0);
  });
}
