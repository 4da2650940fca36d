/**
 * The course's look as a reader meets it: every demo card says where it stands and what to do first, nothing
 * that can't act yet is live, a comparison is drawn as bars, and no page scrolls sideways on a 320 px phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { accessibilityProblems } from './axe';
import { openWithEndpoint, sessionFourPath } from './lessonPage';
import { builtPagePaths } from './site-pages';

/** Each demo's chip before its first step, and the control that takes that step (enabled) when it runs in the browser. */
const firstSteps = [
  { tag: 'digit-pad', chip: 'Not started', step: 'button:has-text("Start the demo")' },
  { tag: 'provider-benchmark', chip: 'Not started', step: 'button:has-text("Run the benchmark")' },
  { tag: 'onnx-inspector', chip: 'Not started', step: 'input[type=file]' },
  { tag: 'browser-model', chip: 'Not started', step: 'button.browser-model-load' },
  { tag: 'endpoint-panel', chip: 'Needs a model server', step: 'button.endpoint-connect' },
] as const;
/** The demos that need a model: Send waits, with its reason beside it. */
const waitingForAModel = ['model-compare', 'hybrid-router', 'chat-playground'] as const;

/** The lesson as a learner without any model server sees it: the bridge finds nothing. */
async function openWithoutServer(page: Page, locale = 'en') {
  await page.route('**/api/endpoints', (route) => route.fulfill({ json: { cli: [], endpoints: [] } }));
  await page.goto(sessionFourPath(locale));
  for (const tag of [...firstSteps.map((demo) => demo.tag), ...waitingForAModel, 'rag-chat']) {
    await page.locator(tag).scrollIntoViewIfNeeded();
    await page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
  }
  await expect(page.locator('endpoint-panel .endpoint-state')).not.toBeEmpty();
}

test('with no model server, each demo says where it stands and offers its first step; nothing that cannot act is live', async ({ page }) => {
  await openWithoutServer(page);
  for (const { tag, chip, step } of firstSteps) {
    const demo = page.locator(tag);
    await expect(demo.locator('.status-chip')).toHaveText(chip);
    await expect(demo.locator(step).first()).toBeEnabled();
  }
  for (const tag of waitingForAModel) {
    const demo = page.locator(tag);
    await expect(demo.locator('.status-chip')).toHaveText('Needs a model server');
    await expect(demo.locator('.demo-start')).toBeDisabled();
    await expect(demo.locator('.demo-reason')).toBeVisible();
    await expect(demo.locator('.demo-reason a')).toHaveAttribute('href', '#endpoint');
  }
  // Without a model, Ask still retrieves: it shows the passages and the prompt it would send.
  await expect(page.locator('rag-chat .status-chip')).toHaveText('Needs a model server');
  await expect(page.locator('rag-chat .demo-start')).toBeEnabled();
  const compare = page.locator('model-compare');
  await expect(compare.getByLabel('First model (small)')).toHaveText('No models yet');
  await expect(compare.locator('table')).toBeHidden();
  await expect(compare.locator('.chat-answer')).toHaveCount(2);
  await expect(compare.locator('.chat-answer').first()).toBeHidden();
  await expect(page.locator('hybrid-router').getByLabel('Local model for chat')).toHaveText('No models yet');
});

test('while the bridge looks for a model server the panel says it is searching, then what it found', async ({ page }) => {
  let answerSearch = () => {};
  const searchHeld = new Promise<void>((resolve) => { answerSearch = resolve; });
  await page.route('**/api/endpoints', async (route) => {
    await searchHeld;
    await route.fulfill({ json: { cli: [], endpoints: [] } });
  });
  await page.goto(sessionFourPath('en'));
  const panel = page.locator('endpoint-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.locator('.status-chip')).toHaveText('Searching');
  await expect(panel.locator('.endpoint-state')).toHaveText('Looking for a model server on this computer…');
  answerSearch();
  await expect(panel.locator('.status-chip')).toHaveText('Needs a model server');
});

test('the router can route as soon as a cloud endpoint is filled in, without a local server', async ({ page }) => {
  await openWithoutServer(page);
  const router = page.locator('hybrid-router');
  await router.getByLabel('API address').fill('https://api.example.com/v1');
  await router.getByLabel('Model', { exact: true }).fill('gpt-4o-mini');
  await expect(router.locator('.demo-start')).toBeEnabled();
  await expect(router.locator('.demo-reason')).toBeHidden();
  await expect(router.locator('.status-chip')).toHaveText('Ready');
});

for (const theme of ['light', 'dark'] as const) {
  for (const locale of ['en', 'ar'] as const) {
    test(`the lesson without a model server has no WCAG 2.2 AA violations (${locale}, ${theme} theme)`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: theme });
      const page = await context.newPage();
      await openWithoutServer(page, locale);
      expect(await accessibilityProblems(page, theme)).toEqual([]);
      await context.close();
    });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`the demos after their first steps without a model server have no WCAG 2.2 AA violations (${theme} theme)`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    await openWithoutServer(page);
    // The digit pad answering on WebAssembly: Ready, then Done.
    const pad = page.locator('digit-pad');
    await pad.locator('input[value=wasm]').check();
    await pad.getByRole('button', { name: 'Start the demo' }).click();
    await expect(pad).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
    await pad.locator('.digit-sample').selectOption('0');
    await expect(pad.locator('.status-chip')).toHaveText('Done', { timeout: 30_000 });
    // The inspector refusing a file that is not a model: Failed, with its message.
    const inspector = page.locator('onnx-inspector');
    await inspector.getByLabel('ONNX model file').setInputFiles({ name: 'notes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('These are my notes, not a model.') });
    await expect(inspector.locator('.status-chip')).toHaveText('Failed');
    await expect(inspector.getByRole('alert')).toContainText('not an ONNX model');
    // Asking the course without a model: the passages and the prompt, and the chip still asks for a server.
    const rag = page.locator('rag-chat');
    await rag.getByRole('button', { name: 'Ask' }).click();
    await expect(rag.locator('.rag-passages > li')).toHaveCount(3);
    await expect(rag.locator('.status-chip')).toHaveText('Needs a model server');
    expect(await accessibilityProblems(page, theme, ['digit-pad', 'onnx-inspector', 'rag-chat', 'endpoint-panel'])).toEqual([]);
    await context.close();
  });
}

test('a comparison draws its timings as bars, one per model and measure, mirrored in Arabic', async ({ page }) => {
  test.setTimeout(60_000);
  for (const locale of ['en', 'ar'] as const) {
    const compare = await openWithEndpoint(page, 'model-compare', locale);
    await expect(compare.locator('.status-chip')).toHaveText(locale === 'en' ? 'Ready' : 'جاهز');
    await compare.locator('.demo-start').click();
    await expect(compare).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
    await expect(compare.locator('.status-chip')).toHaveText(locale === 'en' ? 'Done' : 'اكتمل');
    const bars = compare.locator('svg.compare-bars rect:not(.chart-swatch)');
    await expect(bars).toHaveCount(6);
    await expect(compare.locator('svg.compare-bars')).toHaveAttribute('aria-label', /.+/);
    // A legend names the two models; each measure has its heading.
    await expect(compare.locator('svg.compare-bars .chart-swatch + text')).toHaveText(['qwen2.5-0.5b-instruct-generic-cpu:4', 'deepseek-r1-distill-qwen-7b-generic-cpu:3']);
    await expect(compare.locator('svg.compare-bars .chart-heading')).toHaveText(locale === 'en' ? ['First token', 'Tokens/s', 'Total'] : [/.+/, /.+/, /.+/]);
    // Each bar and swatch starts at the reading direction's edge: x = 0 left to right, its end at the chart's width right to left.
    const edges = await compare.locator('svg.compare-bars rect').evaluateAll((rects) => rects.map((rect) => ({ x: Number(rect.getAttribute('x')), end: Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')) })));
    for (const edge of edges) expect(locale === 'en' ? edge.x : edge.end).toBe(locale === 'en' ? 0 : 400);
    // Earlier comparisons: a group per run headed by its models, bars from the same edge.
    await compare.getByText(locale === 'en' ? 'Earlier comparisons' : /.+/, { exact: true }).and(compare.locator('summary')).click();
    await expect(compare.locator('svg.compare-chart .chart-heading').last()).toHaveText('qwen2.5-0.5b-instruct-g… · deepseek-r1-distill-qwe…');
    const history = await compare.locator('svg.compare-chart rect').evaluateAll((rects) => rects.map((rect) => ({ x: Number(rect.getAttribute('x')), end: Number(rect.getAttribute('x')) + Number(rect.getAttribute('width')) })));
    expect(history.length).toBeGreaterThanOrEqual(2);
    for (const edge of history) expect(locale === 'en' ? edge.x : edge.end).toBe(locale === 'en' ? 0 : 400);
  }
});

test('the decision matrix shows each option’s score as a bar from the first paint, and the bars follow the weights', async ({ page }) => {
  await page.goto(sessionFourPath('en'));
  const matrix = page.locator('decision-matrix');
  const bars = matrix.locator('svg.matrix-bars rect:not(.chart-swatch)');
  const widths = () => bars.evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('width'))));
  await expect(bars).toHaveCount(3);
  await expect(matrix.locator('svg.matrix-bars .chart-swatch + text')).toHaveText(['SLM on the device', 'LLM in the cloud', 'Hybrid']);
  const balanced = await widths();
  await matrix.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => customElements.get('decision-matrix') !== undefined);
  await matrix.getByLabel('Scenario').selectOption({ label: 'A research assistant for long, hard questions' });
  await expect.poll(widths).not.toEqual(balanced);
  const scores = await matrix.locator('.matrix-score').allTextContents();
  await expect(matrix.locator('svg.matrix-bars rect:not(.chart-swatch) + text')).toHaveText(scores);
});

test.describe('on a 320 px wide phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  const pages = builtPagePaths().filter((path) => /^\/(en|ar)\//.test(path) && !path.includes('/module-99/'));

  test('no page in English or Arabic scrolls sideways, and the header fits', async ({ page }) => {
    test.setTimeout(120_000);
    expect(pages.length).toBeGreaterThan(10);
    const overflowing: string[] = [];
    for (const path of pages) {
      await page.goto(path);
      const { scrollWidth, headerRight, headerLeft } = await page.evaluate(() => {
        const header = [...document.querySelectorAll('.site-header > *')].map((child) => child.getBoundingClientRect());
        return { scrollWidth: document.documentElement.scrollWidth, headerRight: Math.max(...header.map((box) => box.right)), headerLeft: Math.min(...header.map((box) => box.left)) };
      });
      if (scrollWidth > 320 || headerRight > 320 || headerLeft < 0) overflowing.push(`${path}: ${scrollWidth} px wide, header ${headerLeft}–${headerRight}`);
    }
    expect(overflowing).toEqual([]);
  });

  test('the header keeps the mark, both pickers and the links on two rows', async ({ page }) => {
    await page.goto(sessionFourPath('en'));
    const header = page.locator('.site-header');
    await expect(header.getByRole('link', { name: 'Edge AI Workshop' })).toBeVisible();
    const rows = await header.evaluate((element) => new Set([...element.children].filter((child) => child.getClientRects().length > 0 && !child.classList.contains('skip-link')).map((child) => Math.round(child.getBoundingClientRect().top / 8))).size);
    expect(rows).toBeLessThanOrEqual(2);
  });
});
