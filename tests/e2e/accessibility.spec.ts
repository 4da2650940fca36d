import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPagePaths } from './site-pages';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const pages = builtPagePaths();

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const path of pages) {
      test(`${path} has no WCAG 2.2 AA violations`, async ({ browser }) => {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        if (path === '/') {
          // `/` moves a scripted visitor on at once; check what a reader without scripts stays on.
          const html = await (await page.request.get('/')).text();
          await page.route((url) => url.pathname === '/', (route) => route.fulfill({ contentType: 'text/html', body: html.replace(/<script[\s\S]*?<\/script>/g, '') }));
        }
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
        expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
        await context.close();
      });
    }
  });
}

test('the build has lesson pages in every language to check', () => {
  expect(pages).toEqual(expect.arrayContaining(['/en/module-08/04-cutting-edge-models/', '/bg/module-08/04-cutting-edge-models/', '/ar/module-08/04-cutting-edge-models/']));
});
