import { expect, test, type Page } from '@playwright/test';
import type { DiscoveryReport } from '../../src/lib/endpointDiscovery';
import { emulatorPorts } from '../support/emulators';
import { openWithEndpoint, sessionFourPath } from './lessonPage';

const current = `http://127.0.0.1:${emulatorPorts.current}`;

/** Script errors the page throws or logs, to check that bad input is answered with a message, not a crash. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return errors;
}

/** The bridge finds one Foundry Local whose only model has `modelId`, and any chat says the model is not loaded. */
async function endpointListing(page: Page, modelId: string) {
  const report: DiscoveryReport = {
    cli: [{ generation: 2, answered: true, baseUrl: current }],
    endpoints: [{ baseUrl: current, kind: 'foundry', generation: 2, foundBy: 'cli', models: [{ id: modelId, loaded: true }] }],
  };
  await page.route('**/api/endpoints', (route) => route.fulfill({ json: report }));
  await page.route('**/api/bridge/v1/chat/completions', (route) =>
    route.fulfill({ status: 400, json: { error: { message: `Model not loaded: Model '${modelId}' must be loaded before inference`, type: 'invalid_request_error', param: null, code: null } } }),
  );
}

async function chatWithShell(page: Page, shell: 'posix' | 'cmd') {
  await page.addInitScript((chosen) => localStorage.setItem('edge-course:shell', chosen), shell);
  const chat = await openWithEndpoint(page, 'chat-playground');
  await chat.getByLabel('Your message').fill('Hello');
  await chat.getByRole('button', { name: 'Send' }).click();
  return chat.getByRole('alert');
}

test('an address typed without http:// connects, and the field shows the address it stands for', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openWithEndpoint(page, 'endpoint-panel');
  const field = panel.getByLabel('Or type an endpoint address');
  await field.fill(`127.0.0.1:${emulatorPorts.current}`);
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Connected: OpenAI-compatible server at ${current}, through the course’s bridge.`);
  await expect(field).toHaveValue(current);
  expect(errors).toEqual([]);
});

test('an address a shell would run, or no address at all, gets a message that says how to type it', async ({ page }) => {
  const errors = collectErrors(page);
  const panel = await openWithEndpoint(page, 'endpoint-panel');
  const field = panel.getByLabel('Or type an endpoint address');
  const connect = panel.getByRole('button', { name: 'Connect' });
  await field.fill('http://a$(id)b:5273');
  await connect.click();
  await expect(panel.getByRole('alert')).toHaveText('This address can’t be put into a command safely: a host may hold only letters, digits, hyphens and dots, or be an IP address. Type it as http://host:port.');
  await expect(panel.getByRole('alert').locator('code')).toBeHidden();
  await field.fill('not an address');
  await connect.click();
  await expect(panel.getByRole('alert')).toContainText('This is not an endpoint address. Type it as http://host:port');
  // The endpoint found before is still the one in use.
  await expect(panel).toHaveAttribute('data-connected', 'true');
  expect(errors).toEqual([]);
});

test('a model id a shell would run is quoted in the command that loads it', async ({ page }) => {
  await endpointListing(page, 'phi$(touch /tmp/pwned)');
  const diagnosis = await chatWithShell(page, 'posix');
  await expect(diagnosis).toContainText('The model is downloaded but not loaded');
  await expect(diagnosis.locator('code')).toHaveText("foundry run 'phi$(touch /tmp/pwned)'");
});

test('a model id the shell cannot hold literally gets no command, and the learner is told why', async ({ page }) => {
  await endpointListing(page, 'phi%PATH%');
  const diagnosis = await chatWithShell(page, 'cmd');
  await expect(diagnosis).toContainText('This model id contains characters your shell could run as code, so no command is shown: copy the id by hand from foundry model list.');
  await expect(diagnosis.locator('code')).toBeHidden();
});

test('a Foundry CLI that answers in an unknown way is named, and what it printed is shown as text', async ({ page }) => {
  const printed = 'Foundry Local 2.0\n<img src=x onerror="window.__pwned = 1"> Status: ready';
  await page.route('**/api/endpoints', (route) =>
    route.fulfill({ json: { cli: [{ generation: 2, answered: true, unexpectedOutput: printed }, { generation: 1, answered: false }], endpoints: [] } satisfies DiscoveryReport }),
  );
  await page.goto(sessionFourPath());
  const panel = page.locator('endpoint-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByRole('status')).toHaveText('No model server found on this computer.');
  const note = panel.locator('.endpoint-cli');
  await expect(note).toContainText('foundry server status answered, but the course cannot read an endpoint address in what it printed.');
  await expect(note.locator('code')).toHaveText(printed);
  await expect(note.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('the Open WebUI command takes an address without http://, and refuses one a shell would run', async ({ page }) => {
  const setup = await openWithEndpoint(page, 'open-webui-setup');
  await expect(setup.getByLabel('Your shell')).toBeEnabled();
  await setup.getByLabel('Your computer').selectOption('macos');
  await setup.getByLabel('Your shell').selectOption('posix');
  const field = setup.getByLabel('Your endpoint, as your browser reaches it');
  await field.fill('127.0.0.1:5273/v1');
  await expect(setup.locator('.owui-command code')).toContainText('-e OPENAI_API_BASE_URL="http://host.docker.internal:5273/v1" \\');
  await field.fill('http://a`id`b:5273');
  await expect(setup.locator('.owui-command code')).toHaveText('');
  await expect(setup.locator('.owui-summary')).toHaveText('This address can’t be put into a command safely: a host may hold only letters, digits, hyphens and dots, or be an IP address. Type it as http://host:port.');
  await setup.getByRole('button', { name: 'Check that the endpoint lists its models' }).click();
  await expect(setup.getByRole('alert')).toContainText('This address can’t be put into a command safely');
});
