/**
 * Issue 15's measures of the Bulgarian lesson, each beside its budget, on one plain static server
 * (`staticCourse`, the prerendered files alone): the HTML and the scripts before the load event (gzip),
 * everything the first load fetches, what scrolling the whole lesson downloads, Lighthouse's LCP with its
 * desktop and mobile presets (median of 3 runs), and the digit demo's "Start" to first answer on
 * WebAssembly, cold and warm. `STARLIGHT_DIST=<folder>` measures a Starlight build of the same lesson the
 * same way (its first page is `module-08/04-cutting-edge-models/`). Part of `npm run bench`;
 * `npm run bench -- first-load` runs it alone (after a build).
 */
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { staticCourse } from './coursePages.ts';
import { chromiumArgs, chromiumExecutable, chromiumLaunchOptions } from '../tests/support/chromium.ts';
import { pageBudgets, pageWeight } from '../tests/support/pageWeight.ts';

const lessonPath = 'module-08/04-cutting-edge-models/';
const kbOf = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (value: number, budget: number) => (value <= budget ? 'within budget' : 'OVER BUDGET');

/** Serves a built folder as static files on a free loopback port. */
async function serveStatic(clientDir: string): Promise<{ origin: string; close: () => void }> {
  // staticCourse reads `<dist>/client`: a folder with a link named so, for a build laid out otherwise.
  const dist = mkdtempSync(join(tmpdir(), 'course-bench-'));
  symlinkSync(resolve(clientDir), join(dist, 'client'));
  const server = createServer(staticCourse(dist));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://localhost:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Gzip bytes of the built file a URL names (the static server sends files uncompressed). */
function gzipOf(clientDir: string, url: string): number {
  try {
    const path = decodeURIComponent(new URL(url).pathname);
    return gzipSync(readFileSync(join(clientDir, path.endsWith('/') ? `${path}index.html` : path)), { level: 9 }).length;
  } catch {
    return 0;
  }
}

/** What a fresh visit fetches before the load event (scripts, everything), and what scrolling to the end adds in scripts. */
async function measureLoads(browser: Browser, origin: string, clientDir: string, path: string) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${origin}/${path}`, { waitUntil: 'load' });
  const beforeLoad = await page.evaluate(() => {
    const loadAt = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.responseEnd <= loadAt.loadEventStart)
      .map((entry) => ({ url: entry.name, script: entry.initiatorType === 'script' || /\.m?js(\?|$)/.test(entry.name) }));
  });
  const html = gzipOf(clientDir, `${origin}/${path}`);
  const scriptsBeforeLoad = beforeLoad.filter((entry) => entry.script);
  const everything = html + beforeLoad.reduce((sum, entry) => sum + gzipOf(clientDir, entry.url), 0);
  await scrollToTheEnd(page);
  const scripts = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => entry.name).filter((url) => /\.m?js(\?|$)/.test(url)));
  await context.close();
  return {
    scriptsBeforeLoad: { files: scriptsBeforeLoad.length, gzip: scriptsBeforeLoad.reduce((sum, entry) => sum + gzipOf(clientDir, entry.url), 0) },
    everything: { files: beforeLoad.length + 1, gzip: everything },
    afterScrolling: { files: scripts.length, gzip: scripts.reduce((sum, url) => sum + gzipOf(clientDir, url), 0) },
  };
}

async function scrollToTheEnd(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 500) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await page.waitForTimeout(150);
  }
  await page.waitForLoadState('networkidle');
}

/** Lighthouse's LCP in milliseconds, median of `runs`, with its desktop or its default (mobile) preset. */
async function lighthouseLcp(url: string, formFactor: 'desktop' | 'mobile', runs = 3): Promise<number> {
  const values: number[] = [];
  for (let run = 0; run < runs; run++) {
    const chrome = await chromeLauncher.launch({ chromePath: chromiumExecutable ?? chromium.executablePath(), chromeFlags: ['--headless=new', ...chromiumArgs] });
    try {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, formFactor === 'desktop' ? desktopConfig : undefined);
      values.push(result?.lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN);
    } finally {
      await chrome.kill();
    }
  }
  return values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * Seconds from "Start the demo" (WebAssembly, a sample chosen) to the first answer shown. After a first
 * use the pad prepares its runtime while the learner reads (`data-prepared`); Start is pressed once it has.
 */
async function startToFirstAnswer(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const pad = page.locator('digit-pad');
  await pad.scrollIntoViewIfNeeded();
  await pad.locator('input[value=wasm]').check();
  const start = pad.getByRole('button', { name: 'Start the demo' });
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('digit-pad .demo-start')?.disabled);
  await pad.locator('.digit-sample').selectOption('0');
  await page.waitForFunction(() => document.querySelector<HTMLElement>('digit-pad')?.dataset['prepared'] === 'true', null, { timeout: 10_000 }).catch(() => undefined); // a first visit prepares nothing
  const started = performance.now();
  await start.click();
  await pad.locator('.guess-label').first().waitFor({ timeout: 120_000 });
  return (performance.now() - started) / 1000;
}

/** Prints every measure of issue 15 for this build (and for a Starlight build when STARLIGHT_DIST names one). */
export async function benchFirstLoad(): Promise<void> {
  const clientDir = 'dist/client';
  const ours = await serveStatic(clientDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const locale of ['bg', 'en', 'ar']) {
      const { html, js } = pageWeight(clientDir, `${locale}/${lessonPath}index.html`);
      console.log(`Lesson (${locale}), built files: HTML ${kbOf(html.gzip)} gzip (budget ${kbOf(pageBudgets.html)}: ${verdict(html.gzip, pageBudgets.html)}); scripts before load ${kbOf(js.gzip)} gzip (budget ${kbOf(pageBudgets.scriptsBeforeLoad)}: ${verdict(js.gzip, pageBudgets.scriptsBeforeLoad)})`);
    }
    const sites = [{ name: 'this course', origin: ours.origin, clientDir, path: `bg/${lessonPath}` }];
    const starlightDir = process.env['STARLIGHT_DIST'];
    const starlight = starlightDir ? await serveStatic(starlightDir) : undefined;
    if (starlight && starlightDir) sites.push({ name: 'Starlight', origin: starlight.origin, clientDir: starlightDir, path: lessonPath });
    for (const site of sites) {
      const loads = await measureLoads(browser, site.origin, site.clientDir, site.path);
      const [desktop, mobile] = [await lighthouseLcp(`${site.origin}/${site.path}`, 'desktop'), await lighthouseLcp(`${site.origin}/${site.path}`, 'mobile')];
      console.log(
        `${site.name}, Bulgarian lesson in a browser: HTML ${kbOf(gzipOf(site.clientDir, `${site.origin}/${site.path}`))} gzip; JS before the load event ${kbOf(loads.scriptsBeforeLoad.gzip)} gzip (${loads.scriptsBeforeLoad.files} files); everything on load ${kbOf(loads.everything.gzip)} gzip (${loads.everything.files} files); JS after scrolling the whole lesson ${kbOf(loads.afterScrolling.gzip)} gzip (${loads.afterScrolling.files} files); Lighthouse LCP desktop ${desktop.toFixed(0)} ms, mobile ${mobile.toFixed(0)} ms (median of 3)`,
      );
    }
    starlight?.close();

    const context = await browser.newContext(); // the service worker on: the warm start reads the runtime through it
    const page = await context.newPage();
    const url = `${ours.origin}/en/${lessonPath}`;
    const cold = await startToFirstAnswer(page, url);
    await page.waitForTimeout(3000); // the service worker has claimed the page
    const warm = await startToFirstAnswer(page, url);
    const warmAgain = await startToFirstAnswer(page, url);
    console.log(`Digit pad on WebAssembly, "Start" to first answer: cold ${(cold * 1000).toFixed(0)} ms (empty caches), warm ${(warm * 1000).toFixed(0)} ms and ${(warmAgain * 1000).toFixed(0)} ms (reloaded; runtime from the cache, prepared while the page is read; budget 300 ms: ${verdict(Math.max(warm, warmAgain), 0.3)})`);
    await context.close();
  } finally {
    await browser.close();
    ours.close();
  }
}
