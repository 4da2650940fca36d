import { expect, test, type Locator, type Page } from '@playwright/test';
import { emulatorPorts } from '../support/emulators';

const lessonPath = '/en/module-08/04-cutting-edge-models/';
const current = `http://127.0.0.1:${emulatorPorts.current}`;

async function openLesson(page: Page) {
  await page.goto(lessonPath);
  const panel = page.locator('endpoint-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('status')).toContainText(`Connected: Foundry Local (CLI 0.10 or newer) at ${current}, through the course’s bridge.`);
  const chat = page.locator('chat-playground');
  await chat.scrollIntoViewIfNeeded();
  await expect(chat.getByRole('button', { name: 'Send' })).toBeEnabled();
  return { panel, chat };
}

async function ask(chat: Locator, prompt: string) {
  await chat.getByLabel('Your message').fill(prompt);
  await chat.getByRole('button', { name: 'Send' }).click();
}

test('the lesson finds Foundry Local by itself, and a chat streams with its metrics', async ({ page }) => {
  const { panel, chat } = await openLesson(page);
  await expect(panel.getByLabel('Model')).toHaveValue('qwen2.5-0.5b-instruct-generic-cpu:4');
  await expect(panel.getByLabel('Model').locator('option')).toContainText(['Phi-4-mini-instruct-generic-cpu:5 — loaded', 'mistralai-Mistral-7B-Instruct-v0-2-generic-cpu:2 — not loaded']);
  await ask(chat, 'Why run models locally?');
  const answer = chat.locator('.chat-answer');
  await expect(answer.locator('strong')).toHaveText('qwen2.5-0.5b');
  await expect(answer.locator('li')).toHaveText(['Low latency', 'Privacy']);
  await expect(chat.locator('.chat-metrics')).toContainText(/First token after .* tokens\/s .* in all · \d+ tokens/);
  // Code in the answer is highlighted once the answer is complete.
  await expect(answer.locator('.code-block pre span[style*="--shiki"]').first()).toBeVisible({ timeout: 15_000 });
});

test('Stop really cancels a slow answer', async ({ page }) => {
  const { panel, chat } = await openLesson(page);
  await panel.getByLabel('Model').selectOption('deepseek-r1-distill-qwen-7b-generic-cpu:3');
  await ask(chat, 'Tell me everything.');
  await expect(chat.locator('.chat-answer')).toContainText('deepseek');
  await chat.getByRole('button', { name: 'Stop' }).click();
  await expect(chat.locator('.chat-status')).toHaveText('Stopped.');
  const stoppedAt = await chat.locator('.chat-answer').innerText();
  await page.waitForTimeout(800);
  expect(await chat.locator('.chat-answer').innerText()).toBe(stoppedAt);
  expect(stoppedAt).not.toContain('You asked');
});

test('an answer containing HTML and script runs nothing', async ({ page }) => {
  const { chat } = await openLesson(page);
  await ask(chat, 'FAULT:html');
  await expect(chat.locator('.chat-answer')).toContainText('done.');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(chat.locator('.chat-answer img, .chat-answer script')).toHaveCount(0);
});

test('each fault gets its own message', async ({ page }) => {
  const { panel, chat } = await openLesson(page);
  const status = chat.locator('.chat-status');
  const diagnosis = chat.getByRole('alert');

  await ask(chat, 'FAULT:500');
  await expect(diagnosis).toContainText('The server answered with an error');

  await ask(chat, 'FAULT:error-midstream');
  await expect(status).toContainText('The answer broke off: The model ran out of memory');

  await ask(chat, 'FAULT:malformed');
  await expect(status).toContainText('The answer broke off');

  // Through the bridge a cut upstream stream reaches the page as a broken connection.
  await ask(chat, 'FAULT:cut');
  await expect(status).toContainText('The answer broke off');

  await panel.getByLabel('Model').selectOption('mistralai-Mistral-7B-Instruct-v0-2-generic-cpu:2');
  await ask(chat, 'Hello');
  await expect(diagnosis).toContainText('The model is downloaded but not loaded');
  await expect(diagnosis.locator('code')).toHaveText('foundry run mistralai-Mistral-7B-Instruct-v0-2-generic-cpu:2');
});

test('Foundry Local 0.8’s stream quirks still give one clean answer', async ({ page }) => {
  const { panel, chat } = await openLesson(page);
  const endpoints = panel.getByLabel('Endpoint', { exact: true });
  await expect(endpoints.locator('option')).toHaveCount(2);
  await endpoints.selectOption({ index: 1 });
  await expect(panel.getByRole('status')).toContainText('Foundry Local (CLI 0.8 or older) at http://127.0.0.1:5273');
  await panel.getByLabel('Model').selectOption('qwen2.5-0.5b-instruct-generic-cpu:4');
  await ask(chat, 'Hello there');
  await expect(chat.locator('.chat-answer')).toContainText('You asked: Hello there');
  // `delta` and `message` arrive together on every chunk: the text must not be doubled.
  await expect(chat.locator('.chat-answer strong')).toHaveText('qwen2.5-0.5b');
  await expect(chat.locator('.chat-status')).toHaveText('');
});

test('an address where nothing listens gets the command to start Foundry Local', async ({ page }) => {
  const { panel } = await openLesson(page);
  await panel.getByLabel('Or type an endpoint address').fill('http://127.0.0.1:5999');
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(panel.getByRole('alert')).toContainText('Nothing answers at this address');
  await expect(panel.getByRole('alert').locator('code')).toHaveText('foundry run phi-4-mini\nfoundry server status');
});

test('comparing a small and a large model fills the table, keeps the run, and ticks the checklist item', async ({ page }) => {
  test.setTimeout(60_000);
  await openLesson(page);
  const compare = page.locator('model-compare');
  await compare.scrollIntoViewIfNeeded();
  await expect(compare.getByLabel('First model (small)')).toHaveValue('qwen2.5-0.5b-instruct-generic-cpu:4');
  await expect(compare.getByLabel('Second model (larger)')).toHaveValue('deepseek-r1-distill-qwen-7b-generic-cpu:3');
  await compare.getByRole('button', { name: 'Compare' }).click();
  await expect(compare).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
  const rows = compare.locator('.compare-table tbody tr');
  await expect(rows.locator('th')).toHaveText(['qwen2.5-0.5b-instruct-generic-cpu:4', 'deepseek-r1-distill-qwen-7b-generic-cpu:3']);
  const totals = await rows.evaluateAll((all) => all.map((row) => parseFloat((row.children[3]!.textContent ?? '').replace(/[^\d.]/g, ''))));
  expect(totals[0]).toBeLessThan(totals[1]!);
  await expect(compare.locator('.compare-answers .chat-answer').nth(1)).toContainText('deepseek-r1-7b');
  await expect(compare.getByRole('status')).toHaveText('Comparison complete: the checklist item is ticked.');
  await expect(compare.locator('.compare-chart rect')).toHaveCount(2);

  const task = page.locator('course-checklist').getByRole('listitem').first();
  await expect(task.getByRole('checkbox')).toBeChecked();
  await expect(task).toContainText('ticked by a demo');
});

test('a slow first answer gets a patience hint, then the answer', async ({ page }) => {
  test.setTimeout(45_000);
  const { chat } = await openLesson(page);
  await ask(chat, 'FAULT:slow please');
  await expect(chat.locator('.chat-status')).toContainText('the first request after loading a model can take a while', { timeout: 10_000 });
  await expect(chat.locator('.chat-answer')).toContainText('You asked: FAULT:slow please', { timeout: 20_000 });
});

test.describe('a course hosted without its bridge (static pages)', () => {
  test.beforeEach(async ({ page }) => {
    // What a static host answers for the bridge's routes.
    await page.route('**/api/**', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }));
  });

  test('explains the missing bridge, then talks to a server that allows CORS directly', async ({ page }) => {
    await page.goto(lessonPath);
    const panel = page.locator('endpoint-panel');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByRole('status')).toContainText('runs without its bridge');
    await panel.getByLabel('Or type an endpoint address').fill(`http://127.0.0.1:${emulatorPorts.permissive}/v1`);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(panel.getByRole('status')).toContainText(`at http://127.0.0.1:${emulatorPorts.permissive}, straight from this page.`);
    const chat = page.locator('chat-playground');
    await chat.scrollIntoViewIfNeeded();
    await ask(chat, 'Direct hello');
    await expect(chat.locator('.chat-answer')).toContainText('You asked: Direct hello');
  });

  test('a server without CORS gets the CORS and local-network explanation', async ({ page }) => {
    await page.goto(lessonPath);
    const panel = page.locator('endpoint-panel');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByRole('status')).toContainText('runs without its bridge');
    await panel.getByLabel('Or type an endpoint address').fill(current);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await expect(panel.getByRole('alert')).toContainText('The browser blocked the request');
    await expect(panel.getByRole('alert').locator('code')).toHaveText('npm start');
  });
});

test('the parallel switch runs both models at once, both answers streaming side by side', async ({ page }) => {
  test.setTimeout(60_000);
  await openLesson(page);
  const compare = page.locator('model-compare');
  await compare.scrollIntoViewIfNeeded();
  await compare.getByLabel('Run both at once').check();
  await compare.getByRole('button', { name: 'Compare' }).click();
  // When the small model finishes, the 7B model, started at the same time, is already writing next to it
  // (run one after the other, it would not have started yet).
  await compare.locator('.compare-table tbody tr').first().waitFor({ timeout: 15_000 });
  const secondAnswerSoFar = await compare.locator('.compare-answers .chat-answer').nth(1).innerText();
  expect(secondAnswerSoFar.length).toBeGreaterThan(0);
  await expect(compare).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
  await expect(compare.locator('.compare-table tbody tr')).toHaveCount(2);
});
