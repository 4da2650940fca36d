import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { progressVersion } from '../../src/lib/progress';
import { accessibilityProblems } from './axe';

const lessonPath = 'module-08/04-cutting-edge-models/';
const progressKey = 'edge-course:progress';
const checklist = (page: Page) => page.locator('course-checklist');
const sessionFourBadge = (page: Page) => page.locator('.session-card', { hasText: 'Cutting-edge models' }).locator('.progress-badge');
const storedProgress = (page: Page) => page.evaluate((key) => localStorage.getItem(key), progressKey);

test('a tick survives a reload and shows in every language, with the progress bar and sidebar', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  await checklist(page).getByRole('checkbox', { name: 'Compare the answers and latency of an SLM and an LLM locally' }).check();
  await expect(checklist(page)).toContainText('1 of 4 done');
  await expect(page.getByRole('progressbar')).toHaveAttribute('value', '1');

  await page.reload();
  await expect(checklist(page).getByRole('checkbox', { name: /Compare the answers/ })).toBeChecked();
  await expect(page.getByRole('navigation', { name: 'Course contents' })).toContainText('1 of 4 tasks done');

  await page.goto(`/bg/${lessonPath}`);
  const boxes = checklist(page).getByRole('checkbox');
  await expect(boxes).toHaveCount(4);
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await expect(checklist(page)).toContainText('Готови: 1 от 4');
});

test('the checklist works with the keyboard alone', async ({ page }) => {
  await page.goto(`/ar/${lessonPath}`);
  const second = checklist(page).getByRole('checkbox').nth(1);
  await second.focus();
  await page.keyboard.press('Space');
  await expect(second).toBeChecked();
  await expect(checklist(page)).toContainText('المنجز: 1 من 4');
});

test('two open tabs stay in sync', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  const thirdBox = (page: Page) => checklist(page).getByRole('checkbox').nth(2);
  await first.goto(`/en/${lessonPath}`);
  await second.goto(`/ar/${lessonPath}`);
  await thirdBox(first).check();
  await expect(thirdBox(second)).toBeChecked();
  const withTick = await storedProgress(second);
  await thirdBox(second).uncheck();
  await expect(thirdBox(first)).not.toBeChecked();

  // The other tab's notice of its older write arrives late: the tick just removed stays removed.
  await second.evaluate(({ key, oldValue }) => dispatchEvent(new StorageEvent('storage', { key, newValue: oldValue })), { key: progressKey, oldValue: withTick });
  await expect(thirdBox(second)).not.toBeChecked();
  await expect(checklist(second)).toContainText('0 من 4');
});

test('export, reset after confirming, and import bring the ticks back', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  await checklist(page).getByRole('checkbox').nth(0).check();
  await checklist(page).getByRole('checkbox').nth(1).check();

  await page.goto('/en/');
  const panel = page.getByRole('region', { name: 'Your progress' });
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export progress' }).click();
  const exported = await (await download).path();

  await panel.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(sessionFourBadge(page)).toContainText('2 of 4 tasks done');
  await panel.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove all ticks' }).click();
  await expect(panel.getByRole('status').last()).toHaveText('Progress reset.');
  await expect(sessionFourBadge(page)).toContainText('0 of 4 tasks done');

  await panel.getByLabel('Import progress').setInputFiles(exported);
  await expect(panel.getByRole('status').last()).toHaveText('Progress imported. Tasks done: 2.');
  await expect(sessionFourBadge(page)).toContainText('2 of 4 tasks done');
  await page.goto(`/en/${lessonPath}`);
  await expect(checklist(page).getByRole('checkbox').nth(1)).toBeChecked();
});

test('a malformed import file is refused with a message and changes nothing', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  await checklist(page).getByRole('checkbox').nth(0).check();
  await page.goto('/bg/');
  const before = await storedProgress(page);
  const panel = page.getByRole('region', { name: 'Вашият напредък' });
  await expect(panel.getByLabel('Импорт на напредъка')).toBeEnabled(); // the panel's script has arrived
  for (const [name, content, message] of [
    ['notes.json', '{ "tasks": [', 'Файлът не е JSON'],
    ['other.json', '{"version": 2, "tasks": {}}', 'Файлът не е експорт на напредък'],
    ['damaged.json', '{"format": "edge-ai-workshop-progress", "version": 2, "tasks": {"x#y": {"done": 1}}}', 'Файлът е повреден'],
  ] as const) {
    await panel.getByLabel('Импорт на напредъка').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(panel.getByRole('status').last()).toContainText(message);
    expect(await storedProgress(page)).toBe(before);
  }
});

test('corrupt saved progress is set aside, the page works, and the learner is told', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version": 2, "tasks": {oops');
      sessionStorage.setItem('seeded', '1');
    }
  }, progressKey);
  await page.goto(`/en/${lessonPath}`);
  await expect(checklist(page).getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('edge-course:progress-backup'))
      .map((key) => localStorage.getItem(key)),
  );
  expect(backups).toEqual(['{"version": 2, "tasks": {oops']);
  await checklist(page).getByRole('checkbox').nth(0).check();
  await page.reload();
  await expect(checklist(page).getByRole('checkbox').nth(0)).toBeChecked();
});

test('when localStorage throws, ticks work for the visit and the learner is told they will not be kept', async ({ page }) => {
  await page.addInitScript(() => {
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: refuse });
  });
  await page.goto(`/bg/${lessonPath}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await checklist(page).getByRole('checkbox').nth(0).check();
  await expect(checklist(page).getByRole('checkbox').nth(0)).toBeChecked();
  await expect(checklist(page)).toContainText('Готови: 1 от 4');
  await expect(checklist(page).getByRole('status').filter({ hasText: 'не позволява на курса да запази' })).toBeVisible();
});

test('a task ticked by a demo says so, and the learner can untick it', async ({ page }) => {
  const record = { done: true, at: '2026-11-20T10:00:00.000Z', by: 'demo' };
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, value!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [progressKey, JSON.stringify({ version: 2, tasks: { 'module-08/04-cutting-edge-models#compare-slm-llm': record } })],
  );
  await page.goto(`/en/${lessonPath}`);
  const item = checklist(page).getByRole('listitem').first();
  await expect(item).toContainText('ticked by a demo');
  await item.getByRole('checkbox').uncheck();
  await expect(item.getByText('ticked by a demo')).toBeHidden();
  await page.reload();
  await expect(checklist(page).getByRole('checkbox').first()).not.toBeChecked();
});

test('the oldest stored format is migrated on the first visit', async ({ page }) => {
  const oldest = readFileSync('tests/fixtures/progress-v1.json', 'utf8');
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, value!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [progressKey, oldest],
  );
  await page.goto(`/en/${lessonPath}`);
  await expect(checklist(page).getByRole('checkbox', { name: 'Run the Chainlit demo with at least two models' })).toBeChecked();
  expect(JSON.parse((await storedProgress(page))!).version).toBe(progressVersion);
});

test('the course home offers to continue at the last lesson and section read', async ({ page }) => {
  await page.goto(`/bg/${lessonPath}`);
  await page.getByRole('heading', { level: 2, name: /Част 3/ }).scrollIntoViewIfNeeded();
  await page.getByRole('heading', { level: 2, name: /Част 3/ }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.waitForFunction(() => (localStorage.getItem('edge-course:progress') ?? '').includes('Част 3'));
  await page.goto('/bg/');
  const link = page.getByRole('link', { name: /Продължете оттам, докъдето стигнахте/ });
  await expect(link).toContainText('Част 3');
  await link.click();
  expect(decodeURIComponent(page.url())).toMatch(/\/bg\/module-08\/04-cutting-edge-models\/#част-3/);
});

/** Makes this page's localStorage refuse every write, as a full quota does, until `freeStorage` is called. */
async function fillStorage(page: Page) {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (this === localStorage && sessionStorage.getItem('test:storage-freed') !== '1') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
}
const freeStorage = (page: Page) => page.evaluate(() => sessionStorage.setItem('test:storage-freed', '1'));

test('a reset can be restored, and dismissing the reopened dialog with Escape resets nothing', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  await checklist(page).getByRole('checkbox').nth(0).check();
  await checklist(page).getByRole('checkbox').nth(1).check();

  await page.goto('/en/');
  const panel = page.getByRole('region', { name: 'Your progress' });
  const restore = panel.getByRole('button', { name: 'Restore the progress you reset' });
  await expect(restore).toBeHidden();
  await panel.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove all ticks' }).click();
  await expect(sessionFourBadge(page)).toContainText('0 of 4 tasks done');

  await restore.click();
  await expect(panel.getByRole('status').last()).toHaveText('The progress you reset is back, merged with any ticks made since. Tasks done: 2.');
  await expect(sessionFourBadge(page)).toContainText('2 of 4 tasks done');
  await expect(restore).toBeHidden();

  // Firefox and Safari keep the last returnValue ("reset") when Escape closes the dialog: model that here.
  await panel.getByRole('button', { name: 'Reset progress' }).click();
  await page.locator('.reset-dialog').evaluate((dialog: HTMLDialogElement) => (dialog.returnValue = 'reset'));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(sessionFourBadge(page)).toContainText('2 of 4 tasks done');
  await page.reload();
  await expect(sessionFourBadge(page)).toContainText('2 of 4 tasks done');
});

test('a reset offers its restore in every open tab, and restoring in one brings the ticks back in both', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(`/en/${lessonPath}`);
  await checklist(first).getByRole('checkbox').nth(2).check();
  await first.goto('/en/');
  await second.goto('/bg/');

  await first.getByRole('button', { name: 'Reset progress' }).click();
  await first.getByRole('dialog').getByRole('button', { name: 'Remove all ticks' }).click();
  const restoreThere = second.getByRole('button', { name: 'Възстановяване на нулирания напредък' });
  await expect(restoreThere).toBeVisible();
  await restoreThere.click();
  await expect(second.getByRole('region', { name: 'Вашият напредък' }).getByRole('status').last()).toContainText('Готови задачи: 1');
  await expect(sessionFourBadge(first)).toContainText('1 of 4 tasks done');
  await expect(first.getByRole('button', { name: 'Restore the progress you reset' })).toBeHidden();
});

test('progress saved by a newer version of the course is shown read-only, exported as it is, and never written over', async ({ page }) => {
  const newer = JSON.stringify({
    version: progressVersion + 1,
    tasks: { 'module-08/04-cutting-edge-models#compare-slm-llm': { done: true, at: '2026-11-20T10:00:00.000Z', by: 'learner' } },
    streak: { days: 4 },
  });
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, value!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [progressKey, newer],
  );
  await page.goto(`/en/${lessonPath}`);
  const boxes = checklist(page).getByRole('checkbox');
  await expect(boxes.first()).toBeChecked();
  for (const box of await boxes.all()) await expect(box).toBeDisabled();
  await expect(checklist(page).getByRole('status').filter({ hasText: 'saved by a newer version of the course' })).toBeVisible();
  await expect(boxes.nth(1)).toHaveAccessibleDescription(/the ticks can’t be changed here/);
  expect(await accessibilityProblems(page, 'light', ['course-checklist'])).toEqual([]);

  await page.goto('/en/');
  const panel = page.getByRole('region', { name: 'Your progress' });
  await expect(panel.getByRole('status').first()).toContainText('export your progress to keep a copy');
  await expect(panel.getByRole('button', { name: 'Reset progress' })).toBeDisabled();
  await expect(panel.getByLabel('Import progress')).toBeDisabled();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export progress' }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(exported).toMatchObject({ format: 'edge-ai-workshop-progress', version: progressVersion + 1, streak: { days: 4 } });
  expect(await storedProgress(page)).toBe(newer);
});

test('when storage is full, a tick stays on the page with a notice that it is not saved, until a write succeeds', async ({ page }) => {
  await fillStorage(page);
  await page.goto(`/en/${lessonPath}`);
  const boxes = checklist(page).getByRole('checkbox');
  await boxes.nth(0).check();
  await expect(boxes.nth(0)).toBeChecked();
  const unsaved = checklist(page).getByRole('status').filter({ hasText: 'Your last change isn’t saved: the browser’s storage is full' });
  await expect(unsaved).toBeVisible();
  await expect(unsaved).toContainText('Export your progress');

  await freeStorage(page);
  await boxes.nth(1).check();
  await expect(unsaved).toBeHidden();
  await page.reload();
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).toBeChecked();
});

test('an import the browser cannot save says so instead of “imported”', async ({ page }) => {
  await fillStorage(page);
  await page.goto('/en/');
  const panel = page.getByRole('region', { name: 'Your progress' });
  const file = JSON.stringify({
    format: 'edge-ai-workshop-progress',
    version: 2,
    tasks: { 'module-08/04-cutting-edge-models#compare-slm-llm': { done: true, at: '2026-11-20T10:00:00.000Z', by: 'learner' } },
  });
  await expect(panel.getByLabel('Import progress')).toBeEnabled(); // the panel's script has arrived
  await panel.getByLabel('Import progress').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(panel.getByRole('status').last()).toHaveText(/^Done on this page only, not saved: the browser’s storage is full/);
  await expect(sessionFourBadge(page)).toContainText('1 of 4 tasks done');
});

test('a file far larger than an export is refused before it is read', async ({ page }) => {
  await page.goto('/en/');
  const panel = page.getByRole('region', { name: 'Your progress' });
  const before = await storedProgress(page);
  const huge = Buffer.alloc(300 * 1024, ' ');
  await expect(panel.getByLabel('Import progress')).toBeEnabled(); // the panel's script has arrived
  await panel.getByLabel('Import progress').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: huge });
  await expect(panel.getByRole('status').last()).toContainText('That file is larger than 256 kB');
  expect(await storedProgress(page)).toBe(before);
});

for (const state of ['unticked', 'ticked'] as const) {
  test(`a lesson with its checklist ${state} has no WCAG 2.2 AA violations`, async ({ page }) => {
    await page.goto(`/ar/${lessonPath}`);
    if (state === 'ticked') for (const box of await checklist(page).getByRole('checkbox').all()) await box.check();
    await expect(checklist(page).getByRole('checkbox').first()).toBeVisible();
    expect(await accessibilityProblems(page, 'light', ['course-checklist'])).toEqual([]);
  });
}
