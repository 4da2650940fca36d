import { expect, test, type Page } from '@playwright/test';
import { emulatorPorts } from '../support/emulators';
import { openWithEndpoint, sessionFourPath } from './lessonPage';

async function openSetup(page: Page) {
  const setup = await openWithEndpoint(page, 'open-webui-setup');
  await expect(setup.getByLabel('Your shell')).toBeEnabled();
  return setup;
}

async function runLines(setup: ReturnType<Page['locator']>) {
  const text = await setup.locator('.owui-command code').textContent();
  return text!.split('\n').slice(2);
}

test('the command matches the computer and shell chosen, for the endpoint the lesson found', async ({ page }) => {
  const setup = await openSetup(page);
  await expect(setup.getByLabel('Your endpoint, as your browser reaches it')).toHaveValue(`http://127.0.0.1:${emulatorPorts.current}`);
  await setup.getByLabel('Your computer').selectOption('windows');
  for (const [shell, mark] of [['powershell', ' `'], ['cmd', ' ^']] as const) {
    await setup.getByLabel('Your shell').selectOption(shell);
    const lines = await runLines(setup);
    expect(lines[0]).toBe(`docker run -d --name open-webui${mark}`);
    expect(lines.slice(0, -1).every((line) => line.endsWith(mark))).toBe(true);
    expect(lines.join('\n')).toContain(`host.docker.internal:${emulatorPorts.current}/v1`);
  }
  await setup.getByLabel('Your computer').selectOption('linux');
  await setup.getByLabel('Your shell').selectOption('posix');
  let lines = await runLines(setup);
  expect(lines.slice(0, -1).every((line) => line.endsWith(' \\'))).toBe(true);
  expect(lines).toContain('  --network=host \\');
  expect(lines).toContain(`  -e OPENAI_API_BASE_URL="http://127.0.0.1:${emulatorPorts.current}/v1" \\`);
  await expect(setup.locator('.owui-summary')).toContainText('open http://localhost:8080');
  // The other Linux way, explained, and the two optional switches.
  await setup.getByLabel(/Map host\.docker\.internal to the host/).check();
  await setup.getByLabel(/Read these settings again on every start/).check();
  await setup.getByLabel('Keep chats and settings in a Docker volume named open-webui').uncheck();
  lines = await runLines(setup);
  expect(lines).toContain('  --add-host=host.docker.internal:host-gateway \\');
  expect(lines).toContain('  -e ENABLE_PERSISTENT_CONFIG=False \\');
  expect(lines.join('\n')).not.toContain('/app/backend/data');
  await expect(setup.locator('.owui-port-warning')).toContainText(`foundry server start --port ${emulatorPorts.current}`);
});

test('the endpoint is checked the way Open WebUI will call it, and a confirmed reply ticks the checklist', async ({ page }) => {
  const setup = await openSetup(page);
  await setup.getByRole('button', { name: 'Check that the endpoint lists its models' }).click();
  await expect(setup.locator('.owui-status')).toContainText(/Your endpoint answers \/v1\/models with \d+ models, for example qwen2\.5-0\.5b-instruct-generic-cpu:4/);
  await setup.getByLabel('Your endpoint, as your browser reaches it').fill('http://127.0.0.1:5999');
  await setup.getByRole('button', { name: 'Check that the endpoint lists its models' }).click();
  await expect(setup.getByRole('alert')).toContainText('Nothing answers at this address');
  await setup.getByRole('button', { name: 'I got a reply from my model in Open WebUI' }).click();
  await expect(setup.locator('.owui-status')).toHaveText('Well done: the checklist item is ticked.');
  await expect(page.locator('.checklist').getByRole('checkbox', { name: /Connect Open WebUI/ })).toBeChecked();
});

test('with no server found, the check still goes through the course’s bridge and says nothing answers', async ({ page }) => {
  await page.route('**/api/endpoints', (route) => route.fulfill({ json: { cli: [], endpoints: [] } }));
  await page.goto(sessionFourPath());
  const setup = page.locator('open-webui-setup');
  await setup.scrollIntoViewIfNeeded();
  await expect(setup.getByLabel('Your shell')).toBeEnabled();
  await setup.getByLabel('Your endpoint, as your browser reaches it').fill('http://127.0.0.1:5999');
  const bridged = page.waitForRequest((request) => request.url().endsWith('/api/bridge/v1/models'));
  await setup.getByRole('button', { name: 'Check that the endpoint lists its models' }).click();
  await bridged;
  await expect(setup.getByRole('alert')).toContainText('Nothing answers at this address');
});
