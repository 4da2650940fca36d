import { expect, test } from '@playwright/test';
import { accessibilityProblems } from './axe';
import { openWithEndpoint } from './lessonPage';
import { builtPagePaths } from './site-pages';

const pages = builtPagePaths();
// The fixture lessons exist for their translation notices, checked on their learner pages; their instructor
// pages are the same templates as the real lesson's, which are checked, so they are not checked again.
// Every page is checked in English, Bulgarian and Arabic (left to right in two scripts, and right to left); the
// other languages build the same templates, and languages.spec.ts checks the lesson in each of its languages.
const checkedPages = pages.filter((path) => !/\/instructor\/module-99\//.test(path) && (path === '/' || /^\/(en|bg|ar)\//.test(path)));

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const path of checkedPages) {
      test(`${path} has no WCAG 2.2 AA violations`, async ({ browser }) => {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        if (path === '/') {
          // `/` moves a scripted visitor on at once; check what a reader without scripts stays on.
          const html = await (await page.request.get('/')).text();
          await page.route((url) => url.pathname === '/', (route) => route.fulfill({ contentType: 'text/html', body: html.replace(/<script[\s\S]*?<\/script>/g, '') }));
        }
        await page.goto(path);
        expect(await accessibilityProblems(page, colorScheme)).toEqual([]);
        await context.close();
      });
    }
  });
}

test('the build has lesson and agenda pages in every language to check', () => {
  expect(pages).toEqual(expect.arrayContaining(['/en/module-08/04-cutting-edge-models/', '/bg/module-08/04-cutting-edge-models/', '/ar/module-08/04-cutting-edge-models/']));
  expect(pages).toEqual(expect.arrayContaining(['/en/agenda/', '/bg/agenda/', '/ar/agenda/']));
});

test('the build has the instructor’s pages in every language to check: the instructor view, the projector and the join card', () => {
  const instructorPages = ['en', 'bg', 'ar'].flatMap((locale) => ['', 'projector/', 'join/'].map((page) => `/${locale}/instructor/module-08/04-cutting-edge-models/${page}`));
  expect(pages).toEqual(expect.arrayContaining(instructorPages));
});

test('the build has the pre-flight check in every language to check', () => {
  expect(pages).toEqual(expect.arrayContaining(['/en/preflight/', '/bg/preflight/', '/ar/preflight/']));
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const locale of ['en', 'bg', 'ar']) {
    test(`the pre-flight check in ${locale}, its verdicts and fixes shown, has no WCAG 2.2 AA violations (${colorScheme} theme)`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(`/${locale}/preflight/`);
      // Once every check has its verdict: passed, failed with its fix, not checked.
      await expect(page.locator('pre-flight')).toHaveAttribute('data-complete', '', { timeout: 30_000 });
      expect(await accessibilityProblems(page, colorScheme, ['pre-flight'])).toEqual([]);
      await context.close();
    });
  }
}

test('the lesson’s demos, once used, have no WCAG 2.2 AA violations (Arabic, right to left)', async ({ page }) => {
  const matrix = await openWithEndpoint(page, 'decision-matrix', 'ar');
  await matrix.locator('input[type=range]').first().fill('5');
  const router = page.locator('hybrid-router');
  await router.scrollIntoViewIfNeeded();
  await router.locator('.demo-start').click();
  await expect(router.locator('.router-trace li[data-outcome="answered"]')).toBeVisible();
  const rag = page.locator('rag-chat');
  await rag.scrollIntoViewIfNeeded();
  await rag.locator('.demo-start').click();
  await expect(rag).toHaveAttribute('data-complete', 'true');
  await rag.locator('details summary').click();
  const setup = page.locator('open-webui-setup');
  await setup.scrollIntoViewIfNeeded();
  await setup.locator('.owui-system').selectOption('linux');
  await setup.locator('.owui-check').click();
  await expect(setup.locator('.owui-status')).not.toBeEmpty();
  expect(await accessibilityProblems(page, 'light', ['decision-matrix', 'hybrid-router', 'rag-chat', 'open-webui-setup'])).toEqual([]);
});
