/**
 * A language model in the learner's tab: the course's tiny model on WebGPU and on WebAssembly, streamed,
 * stopped, and loaded again offline; used by the other chat demos as "In this browser"; a Hub model
 * downloaded from the test's stand-in only after the learner agrees, with progress, and read from the
 * browser's storage the next time. Every test checks the page asked no host but this site and the stand-in.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { accessibilityProblems } from './axe';
import { sessionFourPath } from './lessonPage';
import { hubStandInPort } from '../support/emulators';

const standIn = `http://127.0.0.1:${hubStandInPort}`;
const smolRepo = 'HuggingFaceTB/SmolLM2-135M-Instruct';

/** Every host a page asked, so a test can check none is outside this machine. */
function watchHosts(page: Page): Set<string> {
  const hosts = new Set<string>();
  page.context().on('request', (request) => { // the context sees the workers' requests too
    const url = new URL(request.url());
    if (url.protocol.startsWith('http')) hosts.add(url.host);
  });
  return hosts;
}

async function openDemo(page: Page, locale = 'en'): Promise<Locator> {
  await page.goto(sessionFourPath(locale));
  const demo = page.locator('browser-model');
  await demo.scrollIntoViewIfNeeded();
  await expect(demo.locator('.browser-model-load')).toBeEnabled();
  return demo;
}

async function loadModel(demo: Locator, provider: 'WebGPU' | 'WebAssembly (CPU)', model = 'course-tiny-chat') {
  await demo.getByRole('radio', { name: new RegExp(model) }).check();
  await demo.getByRole('radio', { name: provider, exact: true }).check();
  await demo.getByRole('button', { name: 'Load the model' }).click();
}

/** Waits for the model to be loaded; a failure shows the page's own error message. */
async function expectLoaded(demo: Locator, model: string, provider: string) {
  const said = async () => `${await demo.locator('.browser-model-state').innerText()} ${await demo.locator('.browser-model-error').innerText()}`;
  await expect.poll(said, { timeout: 60_000 }).toContain(`${model} is loaded on ${provider}`);
}

/** Sends `prompt`; on WebGPU here (SwiftShader, a few tokens a second) tests ask for short answers. */
async function ask(demo: Locator, prompt: string, maxTokens = 128) {
  await demo.getByLabel('Longest answer (tokens)').fill(String(maxTokens));
  await demo.locator('textarea').fill(prompt);
  await demo.getByRole('button', { name: 'Send' }).click();
}

const served = async (page: Page): Promise<Record<string, number>> => (await page.request.get(`${standIn}/__served`)).json();

for (const provider of ['WebGPU', 'WebAssembly (CPU)'] as const) {
  test(`the course's tiny model writes a streamed, timed answer on ${provider}`, async ({ page }) => {
    test.setTimeout(180_000); // WebGPU on a software adapter compiles its shaders at the first token
    const hosts = watchHosts(page);
    const demo = await openDemo(page);
    await loadModel(demo, provider);
    await expectLoaded(demo, 'course-tiny-chat', provider);
    await expect(demo.locator('.browser-model-size')).toContainText(/of weights.*KV cache per token/);
    await expect(demo.locator('.browser-model-runtime')).toContainText('ONNX Runtime Web 1.31');
    await ask(demo, 'Part 4: WebGPU inference', 16);
    await expect(demo.locator('.chat-metrics')).toContainText(/First token after .* tokens\/s/, { timeout: 150_000 });
    expect((await demo.locator('.chat-answer').innerText()).trim().length).toBeGreaterThan(10);
    expect([...hosts]).toEqual(['localhost:4322']);
  });
}

test('Stop ends an answer midway, and the model answers again after it', async ({ page }) => {
  test.setTimeout(180_000);
  const demo = await openDemo(page);
  await loadModel(demo, 'WebGPU');
  await expectLoaded(demo, 'course-tiny-chat', 'WebGPU');
  await ask(demo, 'What is a small language model?', 512);
  await expect(demo.locator('.chat-answer')).not.toBeEmpty({ timeout: 120_000 });
  await demo.getByRole('button', { name: 'Stop' }).click();
  await expect(demo.locator('.answer-status')).toHaveText('Stopped.');
  await expect(demo.getByRole('button', { name: 'Send' })).toBeEnabled();
  await ask(demo, 'Overview', 8);
  await expect(demo.locator('.chat-metrics')).toContainText('tokens/s', { timeout: 60_000 });
  await expect(demo.locator('.answer-status')).toHaveText('');
});

test('after a first visit, the tiny model loads again from storage and answers with the browser offline', async ({ page, context }) => {
  const demo = await openDemo(page);
  await loadModel(demo, 'WebAssembly (CPU)');
  await expectLoaded(demo, 'course-tiny-chat', 'WebAssembly (CPU)');
  await ask(demo, 'Overview', 16);
  await expect(demo.locator('.chat-metrics')).toContainText('tokens/s', { timeout: 60_000 });
  await demo.getByRole('button', { name: 'Unload' }).click();
  await expect(demo.locator('.browser-model-state')).toHaveText('The model is unloaded; its files stay stored.');
  await context.setOffline(true);
  await demo.getByRole('button', { name: 'Load the model' }).click();
  await expectLoaded(demo, 'course-tiny-chat', 'WebAssembly (CPU)');
  await ask(demo, 'Overview');
  await expect(demo.locator('.chat-metrics')).toContainText('tokens/s', { timeout: 60_000 });
  await context.setOffline(false);
});

test('with a model in the tab, the chat demos offer "In this browser", and the comparison sets it beside the local server', async ({ page }) => {
  const hosts = watchHosts(page);
  await page.goto(sessionFourPath());
  await page.locator('endpoint-panel').scrollIntoViewIfNeeded();
  await expect(page.locator('endpoint-panel')).toHaveAttribute('data-connected', 'true');
  const demo = page.locator('browser-model');
  await demo.scrollIntoViewIfNeeded();
  await loadModel(demo, 'WebAssembly (CPU)');
  await expectLoaded(demo, 'course-tiny-chat', 'WebAssembly (CPU)');

  const compare = page.locator('model-compare');
  await compare.scrollIntoViewIfNeeded();
  await expect(compare.locator('#compare-model-a option:checked')).toHaveText('course-tiny-chat');
  await expect(compare.locator('#compare-model-a optgroup[label="In this browser"]')).toHaveCount(1);
  await compare.locator('#compare-model-b').selectOption({ label: 'qwen2.5-0.5b-instruct-generic-cpu:4' });
  await compare.getByRole('button', { name: 'Compare' }).click();
  const rows = compare.locator('.compare-table tbody tr');
  await expect(rows).toHaveCount(2, { timeout: 60_000 });
  await expect(rows.nth(0).locator('th')).toHaveText('course-tiny-chat');
  await expect(rows.nth(1).locator('th')).toHaveText('qwen2.5-0.5b-instruct-generic-cpu:4');
  for (const row of await rows.all()) await expect(row.locator('td').nth(1)).toContainText(/\d/);

  const panel = page.locator('endpoint-panel');
  await panel.scrollIntoViewIfNeeded();
  await panel.locator('.endpoint-select').selectOption({ label: 'In this browser — course-tiny-chat' });
  await expect(panel.locator('.endpoint-state')).toContainText('the model running in this browser tab');
  const chat = page.locator('chat-playground');
  await chat.scrollIntoViewIfNeeded();
  await chat.getByRole('button', { name: 'Send' }).click();
  await expect(chat.locator('.chat-metrics')).toContainText('tokens/s', { timeout: 60_000 });
  expect([...hosts].sort()).toEqual(['localhost:4322']);
});

test('a Hub model shows its size, asks before downloading, shows progress, and is read from storage the next time', async ({ page }) => {
  const hosts = watchHosts(page);
  const demo = await openDemo(page);
  await expect(demo.locator('.browser-model-pick label', { hasText: 'SmolLM2-135M-Instruct' })).toContainText('download about 120 MB');
  await loadModel(demo, 'WebGPU', 'SmolLM2-135M-Instruct');
  const confirm = demo.locator('.browser-model-confirm');
  await expect(confirm).toContainText(`SmolLM2-135M-Instruct downloads 120 MB from 127.0.0.1:${hubStandInPort}`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect((await served(page))[smolRepo]).toBeUndefined();

  await demo.getByRole('button', { name: 'Load the model' }).click();
  await confirm.getByRole('button', { name: 'Download and load' }).click();
  await expect(demo.locator('.browser-model-files li', { hasText: 'onnx/model_q4f16.onnx' })).toBeVisible();
  await expect(demo.locator('.browser-model-total-text')).toContainText(/Downloading .* of /);
  await expectLoaded(demo, 'SmolLM2-135M-Instruct', 'WebGPU');
  const downloaded = (await served(page))[smolRepo]!;
  expect(downloaded).toBeGreaterThanOrEqual(5);
  await demo.locator('.browser-model-storage summary').click();
  await expect(demo.locator('.browser-model-stored')).toContainText('SmolLM2-135M-Instruct');

  await page.reload();
  await demo.scrollIntoViewIfNeeded();
  await loadModel(demo, 'WebGPU', 'SmolLM2-135M-Instruct');
  await expectLoaded(demo, 'SmolLM2-135M-Instruct', 'WebGPU');
  await expect(demo.locator('.browser-model-confirm')).toBeHidden();
  expect((await served(page))[smolRepo]).toBe(downloaded);

  await demo.locator('.browser-model-storage summary').click();
  await demo.getByRole('button', { name: 'Remove SmolLM2-135M-Instruct' }).click();
  await expect(demo.locator('.browser-model-state')).toHaveText('SmolLM2-135M-Instruct was removed from this browser.');
  await expect(demo.locator('.browser-model-stored-empty')).toBeVisible();
  expect([...hosts].sort()).toEqual(['127.0.0.1:5393', 'localhost:4322']);
});

test('a Hub model that does not fit is refused before anything downloads, saying what is free', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ usage: 0, quota: 50 * 1024 * 1024 }) });
  });
  const demo = await openDemo(page);
  await loadModel(demo, 'WebGPU', 'SmolLM2-360M-Instruct');
  await expect(demo.locator('.browser-model-error')).toHaveText(/not enough room: SmolLM2-360M-Instruct needs 297 MB and this browser has 50 MB free/);
  await expect(demo.locator('.browser-model-confirm')).toBeHidden();
  expect((await served(page))['HuggingFaceTB/SmolLM2-360M-Instruct']).toBeUndefined();
});

for (const locale of ['en', 'bg', 'ar']) {
  test(`axe finds nothing in the loaded browser model demo in ${locale}`, async ({ page }) => {
    const demo = await openDemo(page, locale);
    await demo.locator('.provider-choice input[value="wasm"]').check();
    await demo.locator('.browser-model-load').click();
    await expect(demo).toHaveAttribute('data-loaded', 'course-tiny-chat', { timeout: 60_000 });
    await demo.locator('.browser-model-storage summary').click();
    expect(await accessibilityProblems(page, 'light', ['browser-model'])).toEqual([]);
  });
}
