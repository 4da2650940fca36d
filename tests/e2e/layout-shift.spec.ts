/**
 * Demos and the lesson's other live parts load after the page (pageBehaviours.ts); none of them may move
 * what the reader is looking at when it arrives. Measured as the browser does (layout-shift entries, the
 * ones not caused by the reader's own input), for each way of arriving at the lesson: scrolling through it,
 * following a table-of-contents link, opening a #fragment address, and reloading halfway down.
 */
import { expect, test, type Page } from '@playwright/test';
import { sessionFourPath } from './lessonPage';

/** Every live element in the lesson, as the page script names them. */
const liveTags = [
  'code-block', 'os-tabs', 'course-checklist', 'course-quiz', 'webgpu-status', 'digit-pad', 'provider-benchmark', 'onnx-inspector', 'browser-model',
  'endpoint-panel', 'chat-playground', 'model-compare', 'hybrid-router', 'rag-chat', 'decision-matrix', 'open-webui-setup', 'offline-status',
];

/** Starts collecting layout shifts before the page's own scripts run. */
async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    (window as unknown as { layoutShifts: typeof shifts }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        const sources = (entry.sources ?? []).map(({ node }) => (node instanceof Element ? `${node.tagName.toLowerCase()}.${node.className}` : String(node?.nodeName)));
        shifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Waits until every live element in view (or near it) has its code, then a little longer for what it draws. */
async function settle(page: Page) {
  await page.waitForLoadState('load');
  await page.waitForFunction((tags) => tags.every((tag) => {
    const near = [...document.querySelectorAll(tag)].some((element) => {
      const box = element.getBoundingClientRect();
      return box.bottom > -800 && box.top < innerHeight + 800;
    });
    return !near || customElements.get(tag) !== undefined;
  }), liveTags);
  await page.waitForTimeout(700);
}

/** The id of the part that holds the digit pad (Part 4), whatever the language calls its heading, and its link's place in the table of contents. */
const digitPart = (page: Page) =>
  page.evaluate(() => {
    const pad = document.querySelector('digit-pad')!;
    const before = [...document.querySelectorAll('article h2[id]')].filter((heading) => heading.compareDocumentPosition(pad) & Node.DOCUMENT_POSITION_FOLLOWING);
    const id = before.at(-1)!.id;
    return { id, tocIndex: [...document.querySelectorAll<HTMLAnchorElement>('.toc a')].findIndex((link) => decodeURIComponent(link.hash.slice(1)) === id) };
  });

const shiftsOf = (page: Page) => page.evaluate(() => (window as unknown as { layoutShifts: { value: number; sources: string[] }[] }).layoutShifts);

for (const locale of ['en', 'ar'] as const) {
  test.describe(`the ${locale} lesson does not move as its demos load`, () => {
    test.beforeEach(async ({ page }) => recordLayoutShifts(page));

    test('scrolling through it from the top', async ({ page }) => {
      await page.goto(sessionFourPath(locale));
      await settle(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0; y < height; y += 600) {
        await page.evaluate((top) => scrollTo(0, top), y);
        await settle(page);
      }
      expect(await shiftsOf(page)).toEqual([]);
    });

    test('following a table-of-contents link to Part 4', async ({ page }) => {
      await page.goto(sessionFourPath(locale));
      await settle(page);
      await page.locator('.toc a').nth((await digitPart(page)).tocIndex).click();
      await settle(page);
      await page.waitForTimeout(600); // past the half second in which a shift counts as the click's own
      expect(await shiftsOf(page)).toEqual([]);
    });

    test('opening a #fragment address', async ({ page }) => {
      await page.goto(sessionFourPath(locale));
      const { id } = await digitPart(page);
      const fresh = await page.context().newPage();
      await recordLayoutShifts(fresh);
      await fresh.goto(`${sessionFourPath(locale)}#${encodeURIComponent(id)}`);
      await settle(fresh);
      await expect(fresh.locator(`[id="${id}"]`)).toBeInViewport();
      expect(await shiftsOf(fresh)).toEqual([]);
    });

    test('reloading halfway down', async ({ page }) => {
      await page.goto(sessionFourPath(locale));
      await settle(page);
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
      await settle(page);
      await page.reload();
      await settle(page);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);
      expect(await shiftsOf(page)).toEqual([]);
    });
  });
}
