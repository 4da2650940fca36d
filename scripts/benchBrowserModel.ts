/**
 * The browser model demo's figures, in headless Chromium (WebGPU through SwiftShader here) against the built
 * site: for the course's tiny model on WebAssembly and on WebGPU, from an empty cache, the time from "Load the
 * model" to loaded, the bytes the page downloaded for it, then over a fixed prompt with greedy decoding the
 * time to the first token and tokens per second, as the demo itself reports them. Part of `npm run bench`;
 * `npm run bench -- browser-model` runs it alone (after a build).
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium.ts';

const port = 4397;
const prompt = 'Part 4: WebGPU inference';
/** Fewer tokens on WebGPU: a software adapter writes a few a second. */
const answerTokens = { wasm: 64, webgpu: 24 } as const;

/** Runs the tiny model once per provider, each in a fresh browser context, and prints what it measured. */
export async function benchBrowserModel(): Promise<void> {
  const server = spawn(process.execPath, ['scripts/serve-course.ts', '--port', String(port)], { stdio: 'ignore' });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const provider of ['wasm', 'webgpu'] as const) {
      const context = await browser.newContext();
      let bytes = 0;
      context.on('response', (response) => {
        if (/\/models\/course-tiny-chat\/|ort-wasm/.test(response.url())) bytes += Number(response.headers()['content-length'] ?? 0);
      });
      const page = await context.newPage();
      await page.goto(`http://localhost:${port}/en/module-08/04-cutting-edge-models/`);
      const demo = page.locator('browser-model');
      await demo.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('browser-model .browser-model-load')?.disabled);
      await demo.locator(`.provider-choice input[value=${provider}]`).check();
      const started = performance.now();
      await demo.locator('.browser-model-load').click();
      await page.locator('browser-model[data-loaded]').waitFor({ timeout: 180_000 });
      const loadSeconds = (performance.now() - started) / 1000;
      const lines: string[] = [];
      for (const run of ['first answer', 'second answer']) {
        await demo.locator('.browser-model-max-tokens').fill(String(answerTokens[provider]));
        await demo.locator('.browser-model-temperature').fill('0');
        await demo.locator('textarea').fill(prompt);
        await demo.locator('.demo-start').click();
        await page.waitForFunction(() => document.querySelector('browser-model')?.hasAttribute('data-complete'), undefined, { timeout: 300_000 });
        lines.push(`${run}: ${await demo.locator('.chat-metrics').innerText()}`);
      }
      console.log(`Browser model (course-tiny-chat) on ${provider}: loaded in ${loadSeconds.toFixed(2)} s from an empty cache, ${(bytes / 1024 / 1024).toFixed(1)} MB downloaded (runtime and model); ${lines.join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}
