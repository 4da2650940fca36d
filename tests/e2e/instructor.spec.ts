/**
 * What an instructor does with a lesson: reads its notes and planned minutes in the instructor view (which
 * learners, their search and the RAG corpus never see), presents it with a clock that the laptop and the
 * projector window share, and shows the room a join card whose QR code opens the lesson.
 */
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { accessibilityProblems } from './axe';
import { sessionFourPath } from './lessonPage';

const instructorPath = (locale = 'en', page = '') => `/${locale}/instructor/module-08/04-cutting-edge-models/${page}`;
const presenterKey = 'edge-ai-workshop:presenter:v1:module-08/04-cutting-edge-models';
/** A phrase of each language's instructor notes that appears nowhere else in the course. */
const notePhrase = { en: 'hotspot', bg: 'мобилната точка за достъп', ar: 'نقطة الاتصال في هاتفه' } as const;
/** A single word of each language's instructor notes that no learner page uses (search looks for words, not phrases). */
const noteWord = { en: 'hotspot', bg: 'корпоративния', ar: 'غيغابايتات' } as const;

/** The seconds the first clock time (`m:ss` or `h:mm:ss`) in a readout shows: the session's reads "0:05 of 30:00". */
async function secondsShown(page: Page, selector: string): Promise<number> {
  const time = /\d+(?::\d\d)+/.exec((await page.locator(selector).first().textContent()) ?? '')?.[0] ?? 'NaN';
  return time.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

async function startPresenting(page: Page) {
  await page.goto(instructorPath());
  await page.getByRole('button', { name: 'Present' }).click();
  return page.getByRole('region', { name: 'Presenter controls' });
}

test.describe('the instructor view', () => {
  for (const locale of ['en', 'bg', 'ar'] as const) {
    test(`shows the notes in ${locale}, which the learner view, the learners’ search and the RAG corpus leave out`, async ({ page, request }) => {
      await page.goto(instructorPath(locale));
      await expect(page.locator('.instructor-note')).toHaveCount(9);
      await expect(page.locator('.lesson-body')).toContainText(notePhrase[locale]);

      await page.goto(sessionFourPath(locale));
      await expect(page.locator('.lesson-body h2').first()).toBeVisible();
      await expect(page.locator('.instructor-note')).toHaveCount(0);
      expect(await page.content()).not.toContain(notePhrase[locale]);

      const corpus = await (await request.get(`/${locale}/course-passages.json`)).text();
      expect(corpus).toContain('Chainlit');
      expect(corpus).not.toContain(notePhrase[locale]);
    });
  }

  for (const locale of ['en', 'bg', 'ar'] as const) {
    test(`learners’ search in ${locale} finds the lesson, but not a word that only its notes use`, async ({ page }) => {
      await page.goto(`/${locale}/search/?q=Chainlit`);
      await expect(page.locator('.search-results > li').first()).toBeVisible();
      await page.goto(`/${locale}/instructor/module-08/04-cutting-edge-models/`);
      await expect(page.locator('.instructor-note').filter({ hasText: noteWord[locale] })).not.toHaveCount(0);
      await page.goto(`/${locale}/search/?q=${encodeURIComponent(noteWord[locale])}`);
      if (locale === 'en') await expect(page.getByRole('status')).toHaveText(`No lessons match “${noteWord.en}”.`);
      await expect(page.getByRole('status')).toContainText(noteWord[locale]);
      await expect(page.locator('.search-results > li')).toHaveCount(0);
    });
  }

  test('shows each part’s planned minutes, adding up to the session’s duration', async ({ page }) => {
    await page.goto(instructorPath());
    const headings = page.locator('.lesson-body > h2');
    const minutes = page.locator('.lesson-body > h2 + .part-minutes');
    await expect(minutes.first()).toHaveText(/^Planned: \d+ min$/);
    await expect(minutes).toHaveCount(await headings.count());
    const planned = (await minutes.allTextContents()).map((text) => Number(/\d+/.exec(text)![0]));
    expect(planned.reduce((sum, value) => sum + value, 0)).toBe(30);
    await page.goto(sessionFourPath());
    await expect(page.locator('.part-minutes')).toHaveCount(0);
  });

  test('is kept out of search engines, and the two views link to each other', async ({ page }) => {
    await page.goto(sessionFourPath());
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
    const views = page.getByRole('navigation', { name: 'Lesson view' });
    await expect(views.getByRole('link', { name: 'Learner view' })).toHaveAttribute('aria-current', 'page');
    await views.getByRole('link', { name: 'Instructor view' }).click();

    await expect(page).toHaveURL(instructorPath());
    await expect(page).toHaveTitle(/^Instructor view: /);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
    await expect(views.getByRole('link', { name: 'Instructor view' })).toHaveAttribute('aria-current', 'page');
    for (const other of ['projector/', 'join/']) {
      await page.goto(instructorPath('en', other));
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
    }
    await page.goto(instructorPath());
    await views.getByRole('link', { name: 'Learner view' }).click();
    await expect(page).toHaveURL(sessionFourPath());
  });
});

test.describe('presenting', () => {
  test('the laptop and the projector window keep one clock, through a change of part and a reload', async ({ context }) => {
    const laptop = await context.newPage();
    const clock = await startPresenting(laptop);
    const projector = await context.newPage();
    await projector.goto(instructorPath('en', 'projector/'));
    await expect(projector.getByRole('heading', { level: 1 })).toHaveText('Overview');
    await expect(projector.locator('.clock-paused')).toBeVisible();

    await clock.getByRole('button', { name: 'Start' }).click();
    await expect(clock.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(projector.locator('.clock-paused')).toBeHidden();
    await expect.poll(() => secondsShown(projector, '.clock-elapsed'), { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    const [onLaptop, onProjector] = await Promise.all([secondsShown(laptop, '.clock-elapsed'), secondsShown(projector, '.clock-elapsed')]);
    expect(Math.abs(onLaptop - onProjector)).toBeLessThanOrEqual(1);

    // The presenter's clicker (Page Down) in the projector window moves the laptop on too.
    await projector.keyboard.press('PageDown');
    await expect(clock.locator('.clock-heading')).toHaveText('Before you start: find your Foundry Local endpoint');
    await expect(clock.locator('.clock-position')).toHaveText(/^Part 2 of \d+$/);
    await expect(projector.getByRole('heading', { level: 1 })).toHaveText('Before you start: find your Foundry Local endpoint');

    const sessionBefore = await secondsShown(laptop, '.clock-session');
    await laptop.reload();
    await expect(clock.locator('.clock-heading')).toHaveText('Before you start: find your Foundry Local endpoint');
    await expect(clock.getByRole('button', { name: 'Pause' })).toBeVisible();
    expect(await secondsShown(laptop, '.clock-session')).toBeGreaterThanOrEqual(sessionBefore);

    await laptop.keyboard.press('ArrowLeft');
    await expect(projector.getByRole('heading', { level: 1 })).toHaveText('Overview');
  });

  test('says plainly when a part runs over its planned time', async ({ page }) => {
    await page.goto(instructorPath());
    // The first part (2 minutes planned) started three minutes ago.
    await page.evaluate(({ key }) => localStorage.setItem(key, JSON.stringify({ version: 1, partIndex: 0, spentMs: [], runningSince: Date.now() - 180_000 })), { key: presenterKey });
    const clock = await startPresenting(page);
    await expect(clock.locator('.clock-left-label')).toHaveText('Over by');
    await expect(clock.locator('.clock-left-time')).toHaveText(/^1:0\d$/);
    await expect(clock.getByRole('status')).toHaveText(/^Over time: 2 min were planned for this part\./);
  });

  test('in Arabic, read right to left, ← is the next part', async ({ page }) => {
    await page.goto(instructorPath('ar', 'projector/'));
    // The keys are the clock's once its code has arrived; a key pressed before then does nothing.
    await page.waitForFunction(() => customElements.get('presenter-clock') !== undefined);
    const heading = page.getByRole('heading', { level: 1 });
    const first = await heading.textContent();
    await page.keyboard.press('ArrowLeft');
    await expect(heading).not.toHaveText(first!);
    await expect(page.locator('.clock-position')).toHaveText(/^الجزء 2 من/);
    await page.keyboard.press('ArrowRight');
    await expect(heading).toHaveText(first!);
  });
});

test.describe('the join card', () => {
  async function decodedQr(page: Page): Promise<string | undefined> {
    const png = PNG.sync.read(await page.locator('svg.join-qr').screenshot());
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  }

  test('shows the lesson’s address, and a QR code that decodes to it', async ({ page }) => {
    await page.goto(instructorPath());
    await page.getByRole('link', { name: 'Join card' }).click();
    const address = page.locator('a.join-link');
    await expect(address).toHaveText(/\/en\/module-08\/04-cutting-edge-models\/$/);
    expect(await decodedQr(page)).toBe(await address.textContent());
  });

  test('shows the instructor’s machine on the room’s network, typed once and kept through a reload', async ({ page }) => {
    await page.goto(instructorPath('en', 'join/'));
    await page.getByLabel('Address, for example http://192.168.1.20:4321').fill('nonsense:port');
    await page.getByRole('button', { name: 'Show this address' }).click();
    await expect(page.locator('.join-problem')).toHaveText(/^This is not an address\./);

    await page.getByLabel('Address, for example http://192.168.1.20:4321').fill('192.168.1.20:4321');
    await page.getByRole('button', { name: 'Show this address' }).click();
    const expected = 'http://192.168.1.20:4321/en/module-08/04-cutting-edge-models/';
    await expect(page.locator('a.join-link')).toHaveText(expected);
    await expect(page.locator('.join-warning')).toBeEmpty();
    expect(await decodedQr(page)).toBe(expected);

    await page.reload();
    await expect(page.locator('a.join-link')).toHaveText(expected);
    expect(await decodedQr(page)).toBe(expected);
  });

  test('explains that attendees cannot open an address on localhost', async ({ page }) => {
    await page.goto(instructorPath('en', 'join/'));
    await page.getByRole('radio', { name: /^This computer/ }).check();
    await expect(page.locator('a.join-link')).toHaveText(/^http:\/\/localhost:\d+\/en\//);
    await expect(page.locator('.join-warning')).toContainText('npm start -- --lan');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const locale of ['en', 'bg', 'ar'] as const) {
    test(`in use, the presenter clock over time, the projector running and the join card's problem and warning have no WCAG 2.2 AA violations (${locale}, ${colorScheme} theme)`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.goto(instructorPath(locale));
      // The first part (2 minutes planned) started three minutes ago, and the clock is still running.
      await page.evaluate(({ key }) => localStorage.setItem(key, JSON.stringify({ version: 1, partIndex: 0, spentMs: [], runningSince: Date.now() - 180_000 })), { key: presenterKey });
      await page.reload();
      await page.locator('.presenter-open').click();
      await expect(page.locator('.presenter-panel .clock-left-time')).toHaveText(/^1:0\d$/);
      expect(await accessibilityProblems(page, colorScheme, ['presenter-controls'])).toEqual([]);

      await page.goto(instructorPath(locale, 'projector/'));
      await expect(page.locator('.clock-paused')).toBeHidden();
      expect(await accessibilityProblems(page, colorScheme)).toEqual([]);

      await page.goto(instructorPath(locale, 'join/'));
      await page.locator('.join-typed input').fill('nonsense:port');
      await page.locator('.join-choice button[type=submit]').click();
      await expect(page.locator('.join-problem')).not.toBeEmpty();
      expect(await accessibilityProblems(page, colorScheme, ['join-card'])).toEqual([]);
      await page.locator('.join-this-computer input').check();
      await expect(page.locator('.join-warning')).toContainText('npm start -- --lan');
      expect(await accessibilityProblems(page, colorScheme, ['join-card'])).toEqual([]);
      await context.close();
    });
  }
}
