import { expect, test, type Page } from '@playwright/test';
import { emulatorPorts } from '../support/emulators';
import { openWithEndpoint } from './lessonPage';

const cloudUrl = `http://127.0.0.1:${emulatorPorts.permissive}/v1`;
const cloudModel = 'Phi-4-mini-instruct-generic-cpu:5';

async function openRouter(page: Page) {
  const router = await openWithEndpoint(page, 'hybrid-router');
  await expect(router.getByLabel('Local model for chat')).toHaveValue('qwen2.5-0.5b-instruct-generic-cpu:4');
  await router.getByLabel('API address').fill(cloudUrl);
  await router.getByLabel('API key').fill('sk-test-key');
  await router.getByLabel('Model', { exact: true }).fill(cloudModel);
  return router;
}

/** The local endpoint goes down: every chat request through the bridge is refused. */
async function takeLocalDown(page: Page) {
  await page.route('**/api/bridge/v1/chat/completions', (route) => route.abort('connectionrefused'));
}

async function send(router: ReturnType<Page['locator']>, prompt: string) {
  await router.locator('.router-prompt').fill(prompt);
  await router.getByRole('button', { name: 'Route and send' }).click();
}

test('local first falls back to the cloud when the local endpoint is down, and the trace says why', async ({ page }) => {
  const router = await openRouter(page);
  await takeLocalDown(page);
  await send(router, 'Explain edge AI in one sentence.');
  const trace = router.locator('.router-trace li');
  await expect(trace.nth(0)).toHaveText('Rule: local first, cloud as fallback.');
  await expect(trace.nth(1)).toContainText('Tried the local model qwen2.5-0.5b-instruct-generic-cpu:4: it failed (');
  await expect(trace.nth(1)).toContainText('so the router moved on.');
  await expect(trace.nth(2)).toContainText(`Tried the cloud model ${cloudModel}: it answered in`);
  await expect(router.getByText('Answer', { exact: true })).toBeVisible();
  await expect(router.locator('.router-answer strong')).toHaveText('phi-4-mini');
  await expect(router.getByRole('status')).toHaveText(`Answered by the cloud model ${cloudModel}.`);
  // The same route as a timeline: the failed try, then the answer after it.
  const bars = router.locator('svg.router-timeline rect');
  await expect(bars).toHaveCount(2);
  expect(await bars.evaluateAll((rects) => rects.map((rect) => rect.getAttribute('class')))).toEqual(['chart-kind-failed', 'chart-kind-answered']);
  await expect(router.locator('.status-chip')).toHaveText('Done');
});

test('a prompt marked private never goes to the cloud, even cloud first with the local endpoint down', async ({ page }) => {
  const router = await openRouter(page);
  await takeLocalDown(page);
  const cloudCalls: string[] = [];
  page.on('request', (request) => request.url().startsWith(`http://127.0.0.1:${emulatorPorts.permissive}`) && cloudCalls.push(request.url()));
  await router.getByLabel('Cloud first, local for private prompts or offline use').check();
  await router.getByLabel('This prompt is private: never send it to the cloud').check();
  await send(router, 'Summarise my medical notes.');
  await expect(router.locator('.router-trace li')).toHaveText([
    'Rule: cloud first, local as fallback.',
    'Cloud left out: you marked this prompt private.',
    /Tried the local model .*: it failed/,
  ]);
  await expect(router.getByRole('status')).toHaveText('No target answered. The trace above says why each one failed.');
  await expect(router.getByText('Answer', { exact: true })).toBeHidden();
  expect(cloudCalls).toEqual([]);
});

test('a prompt with personal data stays local; a code request goes to the coder model', async ({ page }) => {
  const router = await openRouter(page);
  await router.getByLabel('Cloud first, local for private prompts or offline use').check();
  await send(router, 'Draft a reply to ana@example.com about the workshop.');
  await expect(router.locator('.router-trace li').nth(1)).toHaveText('Cloud left out: the prompt seems to contain personal data (an e-mail address).');
  await expect(router.getByRole('status')).toHaveText('Answered by the local model qwen2.5-0.5b-instruct-generic-cpu:4.');
  await router.getByLabel('By task: code to a coder model, chat to a general model').check();
  await send(router, 'Write a Python function that checks whether a TCP port is free.');
  await expect(router.locator('.router-trace li').nth(0)).toHaveText('Rule: by task: this looks like a code request, so the coder model.');
  await expect(router.getByRole('status')).toHaveText('Answered by the local model qwen2.5-coder-1.5b-instruct-generic-cpu:4.');
});

test('the cloud key is forgotten on reload unless the learner keeps it for the tab, and never reaches localStorage', async ({ page }) => {
  let router = await openRouter(page);
  await page.reload();
  router = page.locator('hybrid-router');
  await router.scrollIntoViewIfNeeded();
  await expect(router.getByLabel('API address')).toHaveValue(cloudUrl);
  await expect(router.getByLabel('API key')).toHaveValue('');
  await router.getByLabel('API key').fill('sk-test-key');
  await router.getByLabel(/Keep the key until I close this tab/).check();
  await page.reload();
  await router.scrollIntoViewIfNeeded();
  await expect(router.getByLabel('API key')).toHaveValue('sk-test-key');
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('sk-test-key');
});

test('a prompt longer than the local context window goes straight to the cloud', async ({ page }) => {
  const router = await openRouter(page);
  await router.getByLabel('Local context window (tokens)').fill('256');
  await send(router, `Summarise this: ${'the edge is near '.repeat(60)}`);
  await expect(router.locator('.router-trace li').nth(1)).toHaveText(/^Local model left out: the prompt \(about \d+ tokens\) is longer than its context window \(256 tokens\)\.$/);
  await expect(router.getByRole('status')).toHaveText(`Answered by the cloud model ${cloudModel}.`);
});

test('the endpoint panel’s key never goes to the cloud, and an empty cloud key stays empty', async ({ page }) => {
  const router = await openRouter(page);
  await page.locator('endpoint-panel').getByLabel('API key').fill('sk-local-only');
  await router.getByLabel('API key').fill('');
  const cloudRequest = page.waitForRequest((request) => request.url().startsWith(`http://127.0.0.1:${emulatorPorts.permissive}/v1/chat`) && request.method() === 'POST');
  await router.getByLabel('Cloud first, local for private prompts or offline use').check();
  await send(router, 'Explain edge AI in one sentence.');
  const authorization = (await cloudRequest).headers()['authorization'];
  expect(authorization).not.toContain('sk-local-only');
});

test('a cloud address that is not https is left out, and the trace says why', async ({ page }) => {
  const router = await openRouter(page);
  await router.getByLabel('API address').fill('http://example.com/v1');
  await takeLocalDown(page);
  await send(router, 'Explain edge AI in one sentence.');
  await expect(router.locator('.router-trace li[data-outcome="skipped"]')).toHaveText([/^The cloud address must start with https:\/\//]);
  await expect(router.getByRole('status')).toHaveText('No target answered. The trace above says why each one failed.');
});
