import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';

const lessonPath = '/en/module-08/04-cutting-edge-models/';
const runtimeRequest = /ort-wasm|inference\.worker|\.onnx/;
type Point = [number, number];

// Strokes on the 280×280 pad, as a learner would draw them.
const drawings: Record<string, Point[][]> = {
  '1': [[[150, 40], [140, 240]]],
  '7': [[[70, 50], [210, 50], [120, 240]]],
  '0': [Array.from({ length: 25 }, (_, i): Point => [140 + 60 * Math.sin((i / 24) * 2 * Math.PI), 140 - 90 * Math.cos((i / 24) * 2 * Math.PI)])],
  '4': [[[170, 40], [70, 170], [210, 170]], [[170, 40], [170, 240]]],
  '3': [[[80, 60], [150, 40], [200, 80], [140, 135], [205, 185], [150, 240], [75, 215]]],
};

async function draw(page: Page, pad: Locator, strokes: Point[][]) {
  const canvas = pad.locator('.digit-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const scale = box.width / 280;
  for (const [start, ...rest] of strokes) {
    await page.mouse.move(box.x + start![0] * scale, box.y + start![1] * scale);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * scale, box.y + y * scale, { steps: 8 });
    await page.mouse.up();
  }
}

/** Demos load their code when scrolled near, as a reader reaches them; until then their controls are disabled. */
async function scrollTo(demo: Locator) {
  await demo.scrollIntoViewIfNeeded();
  return demo;
}

async function startDigitPad(page: Page) {
  const pad = await scrollTo(page.locator('digit-pad'));
  await pad.getByRole('button', { name: 'Start the demo' }).click();
  await expect(pad).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  return pad;
}

test.describe('with WebGPU (SwiftShader, on the CPU)', () => {
  test('drawn digits get the right top guess, on WebGPU, after the runtime loads on demand', async ({ page }) => {
    // Five drawings; the first WebGPU run compiles shaders, which takes seconds on SwiftShader.
    test.setTimeout(90_000);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(lessonPath);
    await scrollTo(page.locator('webgpu-status'));
    await expect(page.locator('webgpu-status')).toContainText('WebGPU is available');
    await expect(page.locator('webgpu-status')).toContainText('software adapter');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => runtimeRequest.test(url))).toEqual([]);

    const pad = await startDigitPad(page);
    expect(requests.filter((url) => runtimeRequest.test(url)).length).toBeGreaterThan(0);
    for (const [digit, strokes] of Object.entries(drawings)) {
      await pad.getByRole('button', { name: 'Clear' }).click();
      await draw(page, pad, strokes);
      await expect(pad.locator('.guess-label').first()).toHaveText(digit, { timeout: 30_000 });
      await expect(pad.locator('.digit-ran-on')).toContainText('Ran on WebGPU');
    }
  });

  test('digits sent while the previous one is still running each get their own answer', async ({ page }) => {
    // A learner drawing a 4 in two strokes asks for a guess after each stroke, before the first has come back.
    test.setTimeout(60_000);
    await page.goto(lessonPath);
    await startDigitPad(page);
    const labels = await page.evaluate(async () => {
      type Pad = HTMLElement & { classifyDigit(pixels: readonly number[]): Promise<{ label: number } | undefined> };
      const pad = document.querySelector<Pad>('digit-pad')!;
      const samples = (await (await fetch('/models/digit-samples.json')).json()) as { label: number; pixels: number[] }[];
      const chosen = [0, 1, 2, 3].map((digit) => samples.find((sample) => sample.label === digit)!.pixels);
      const oneByOne = [];
      for (const pixels of chosen) oneByOne.push((await pad.classifyDigit(pixels))?.label);
      const atOnce = await Promise.all(chosen.map((pixels) => pad.classifyDigit(pixels)));
      return { oneByOne, atOnce: atOnce.map((result) => result?.label) };
    });
    expect(labels.oneByOne).not.toContain(undefined);
    expect(labels.atOnce).toEqual(labels.oneByOne);
    const pad = page.locator('digit-pad');
    await expect(pad.getByRole('alert')).toBeHidden();
    await expect(pad.locator('.guess-label').first()).toHaveText(String(labels.oneByOne.at(-1)));
  });

  test('a held-out sample can be chosen with the keyboard', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(lessonPath);
    const pad = await startDigitPad(page);
    const samples = pad.getByLabel('Or try a digit the model never saw');
    await samples.focus();
    await samples.selectOption({ label: 'Sample 22: a 7' });
    await expect(pad.locator('.guess-label').first()).toHaveText('7', { timeout: 30_000 });
  });

  test('the benchmark measures both providers and their outputs agree within 1e-3', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(lessonPath);
    const benchmark = await scrollTo(page.locator('provider-benchmark'));
    await benchmark.getByRole('button', { name: 'Run the benchmark' }).click();
    await expect(benchmark).toHaveAttribute('data-complete', 'true', { timeout: 100_000 });
    await expect(benchmark.getByRole('rowheader')).toHaveText(['WebAssembly (CPU)', 'WebGPU']);
    await expect(benchmark.locator('.bench-agreement')).toContainText('Both providers give the same answer');
    const difference = Number(await benchmark.locator('.bench-agreement').getAttribute('data-difference'));
    expect(difference).toBeLessThanOrEqual(1e-3);
    await expect(benchmark.locator('.bench-threads')).toContainText('WebAssembly threads: 1');
    // Two groups of bars (median, p90), one bar per provider, named in the legend.
    await expect(benchmark.locator('svg rect:not(.chart-swatch)')).toHaveCount(4);
    await expect(benchmark.locator('svg .chart-swatch + text')).toHaveText(['WebAssembly (CPU)', 'WebGPU']);
    await expect(benchmark.locator('svg .chart-heading')).toHaveText(['Median per run', '90th percentile']);
  });

  test('the inspector describes our model, and refuses files it cannot run with a clear message', async ({ page }, testInfo) => {
    test.setTimeout(60_000);
    await page.goto(lessonPath);
    const inspector = await scrollTo(page.locator('onnx-inspector'));
    const file = inspector.getByLabel('ONNX model file');
    await expect(file).toBeEnabled();
    await file.setInputFiles('public/models/digit-classifier.onnx');
    await expect(inspector.locator('.inspector-inputs tbody')).toHaveText(/Input3\s*float32\s*\[1, 1, 28, 28\]/, { timeout: 60_000 });
    await expect(inspector.locator('.inspector-outputs tbody')).toHaveText(/Plus214_Output_0\s*float32\s*\[1, 10\]/);
    // The first WebGPU run compiles its shaders: seconds on SwiftShader.
    await expect(inspector.locator('.inspector-run')).toContainText('Ran once on WebGPU', { timeout: 30_000 });

    const notes = testInfo.outputPath('notes.onnx');
    writeFileSync(notes, 'These are my notes, not a model.\n');
    await file.setInputFiles(notes);
    await expect(inspector.getByRole('alert')).toContainText('“notes.onnx” is not an ONNX model');

    const broken = testInfo.outputPath('broken.onnx');
    writeFileSync(broken, Buffer.concat([Buffer.from([0x08, 0x07]), readFileSync('public/models/digit-classifier.onnx').subarray(2, 400)]));
    await file.setInputFiles(broken);
    await expect(inspector.getByRole('alert')).toContainText('ONNX Runtime could not load the model on WebGPU: broken.onnx');
  });
});

test.describe('the standalone lab', () => {
  let server: ChildProcess;
  const port = 5179;

  test.beforeAll(async () => {
    server = spawn(process.execPath, ['labs/webgpu-demo/serve.ts'], { env: { ...process.env, PORT: String(port) }, stdio: 'pipe' });
    await new Promise((resolve) => server.stdout!.once('data', resolve));
  });
  test.afterAll(() => server.kill());

  test('runs the fixed seed demo on WebGPU and classifies the sample digits', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`http://localhost:${port}/`);
    await expect(page.locator('#status')).toHaveText(/Inference complete on webgpu: (29|30) of 30 digits right\./, { timeout: 60_000 });
    await expect(page.locator('#output')).toContainText('Execution provider: webgpu (adapter google swiftshader)');
    expect(requests.every((url) => url.startsWith(`http://localhost:${port}/`))).toBe(true);
  });
});
