/**
 * The course offline after one visit, through its real service worker: pages, search, the checklist and a
 * started demo work with the network off; the endpoint demo says the network is gone; /api/ never comes
 * from a cache; a rebuild shows "Update available" and reloading brings the new version; removing the
 * copy removes it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { staticCourse } from '../../scripts/coursePages.ts';
import { sessionFourPath } from './lessonPage';

test.use({ serviceWorkers: 'allow' });

/** Waits until the footer says the course opens offline (the worker has stored the shell and this language). */
async function readyOffline(page: Page, text: RegExp | string = 'Ready offline') {
  await expect(page.locator('offline-status')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(page.locator('.offline-state')).toContainText(text);
}

/** Every URL in the site's caches. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return urls;
  });

test('after one visit the lesson, search, the checklist and a started digit demo work offline; the endpoint demo says why it cannot', async ({ page, context }) => {
  await page.goto(sessionFourPath('en'));
  await readyOffline(page);
  await expect(page.locator('.offline-state')).toContainText('English');
  await expect(page.locator('.course-notice')).toContainText('The course now opens offline on this device.');
  // Start the digit demo once, online: its runtime and model are cached then, not before.
  const pad = page.locator('digit-pad');
  await pad.scrollIntoViewIfNeeded();
  await pad.locator('input[value=wasm]').check();
  await pad.getByRole('button', { name: 'Start the demo' }).click();
  await expect(pad).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  // The sample digits are fetched beside the start, not before it: going offline before the worker has kept
  // them would test a demo that was never fully started.
  await expect.poll(async () => (await cachedUrls(page)).some((url) => url.includes('/models/digit-samples.json')), { timeout: 15_000 }).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Cutting-edge models/);
  await expect(page.locator('.course-notice')).toContainText('You are offline.');

  const checklist = page.locator('course-checklist');
  await checklist.getByRole('checkbox', { name: /Compare the answers/ }).check();
  await page.reload();
  await expect(checklist.getByRole('checkbox', { name: /Compare the answers/ })).toBeChecked();
  await expect(checklist).toContainText('1 of 4 done');

  await pad.scrollIntoViewIfNeeded();
  await pad.locator('input[value=wasm]').check();
  await pad.getByRole('button', { name: 'Start the demo' }).click();
  await expect(pad).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await pad.locator('.digit-sample').selectOption({ label: 'Sample 22: a 7' });
  await expect(pad.locator('.guess-label').first()).toHaveText('7', { timeout: 30_000 });

  const panel = page.locator('endpoint-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.locator('.diagnosis')).toContainText('You are offline: this browser has no network');
  await expect(panel).toContainText('Offline: no model server can be reached');

  await page.goto('/en/search/?q=Chainlit');
  await expect(page.locator('.search-results > li').first().getByRole('link').first()).toHaveText(/Cutting-edge models/);
  await page.locator('.search-results > li').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/en\/module-08\/04-cutting-edge-models\//);

  // A page of a language never read here is not stored: its offline page says so and lists what is.
  await page.goto('/bg/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
  await expect(page.getByRole('link', { name: 'Cutting-edge models', exact: false }).first()).toBeVisible();

  const urls = cachedUrls(page);
  expect((await urls).filter((url) => new URL(url).pathname.toLowerCase().includes('/api'))).toEqual([]);
  expect(await page.evaluate(() => fetch('/api/endpoints').then((response) => `answered ${response.status}`, () => 'no answer'))).toBe('no answer');
});

test('an Arabic reader’s lesson opens offline, right to left, and the bridge’s answers are never cached', async ({ page, context }) => {
  await page.goto(sessionFourPath('ar'));
  await readyOffline(page, 'العربية');
  // Online, the endpoint panel asks the bridge: that answer must not be stored anywhere.
  await page.locator('endpoint-panel').scrollIntoViewIfNeeded();
  await expect(page.locator('endpoint-panel')).toHaveAttribute('data-connected', 'true', { timeout: 30_000 });
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/النماذج المتطورة/);
  await page.goto('/ar/search/?q=' + encodeURIComponent('الهجينة'));
  await expect(page.locator('.search-results > li').first().getByRole('link').first()).toHaveText(/النماذج المتطورة/);
  expect((await cachedUrls(page)).filter((url) => new URL(url).pathname.toLowerCase().startsWith('/api'))).toEqual([]);
});

test.describe('a new version of the course', () => {
  let site: string;
  let server: Server;
  let origin: string;

  test.beforeAll(async () => {
    // A copy of the built site on a port of its own, so rebuilding it changes nothing for the other tests.
    site = mkdtempSync(join(tmpdir(), 'course-update-'));
    cpSync('dist-test/client', join(site, 'client'), { recursive: true });
    server = createServer(staticCourse(site));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(() => {
    server.close();
    rmSync(site, { recursive: true, force: true });
  });

  test('shows "Update available" after a rebuild, keeps serving the old pages until the reader reloads, then the new ones', async ({ page }) => {
    const lesson = `${origin}${sessionFourPath('en')}`;
    await page.goto(lesson);
    await readyOffline(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Cutting-edge models/);

    // The rebuild: a changed lesson title, and the service worker written again over the new files.
    const file = join(site, 'client', 'en/module-08/04-cutting-edge-models/index.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(<h1[^>]*>)([^<]*)/, '$1Rebuilt: $2'));
    const rebuilt = spawnSync(process.execPath, ['scripts/build-service-worker.ts', join(site, 'client')], { encoding: 'utf8' });
    expect(rebuilt.status, rebuilt.stderr).toBe(0);

    await page.reload();
    const notice = page.locator('.course-notice');
    await expect(notice).toContainText('Update available', { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Rebuilt'); // the old version, whole, until the reader says
    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Rebuilt: ', { timeout: 30_000 });
  });

  test('removing the offline copy deletes its caches and is remembered; turning it back on stores it again', async ({ page }) => {
    await page.goto(`${origin}/en/`);
    await readyOffline(page);
    await page.locator('.course-notice').getByRole('button', { name: 'Dismiss' }).click();
    const footer = page.locator('offline-status');
    await footer.getByRole('button', { name: 'Remove the offline copy' }).click();
    await expect(footer).toContainText('Removed. The course no longer opens offline on this device; your progress is kept.');
    expect(await cachedUrls(page)).toEqual([]);
    await page.reload();
    await expect(footer).toContainText('The offline copy is off on this device.');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await footer.getByRole('button', { name: 'Keep the course offline' }).click();
    await readyOffline(page);
  });
});
