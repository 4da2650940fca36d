import { once } from 'node:events';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { machineCommands, systemOfNodePlatform } from '../../src/lib/preflightCommands';
import { startEmulator } from '../emulator/foundry-emulator';
import { emulatorPorts } from '../support/emulators';

/** A port of its own for the emulator this file starts and stops; the suite's emulators keep running for the other tests. */
const ownEmulatorPort = 5398;

const checkOf = (page: Page, id: string) => page.locator(`[data-check="${id}"]`);
const stateOf = (check: Locator) => check.locator('.preflight-state');
const reasonOf = (check: Locator) => check.locator('.preflight-reason');

/** Opens the pre-flight page and waits until every check has a verdict. */
async function openPreflight(page: Page, path = '/en/preflight/'): Promise<Locator> {
  await page.goto(path);
  const preflight = page.locator('pre-flight');
  await expect(preflight).toHaveAttribute('data-complete', '', { timeout: 30_000 });
  return preflight;
}

test('against the emulator, the model checks pass: Foundry Local found through its CLI, a loaded model answering with its time to first token', async ({ page }) => {
  await openPreflight(page);
  const server = checkOf(page, 'model-server');
  await expect(stateOf(server)).toHaveText('Passed');
  await expect(reasonOf(server)).toHaveText(new RegExp(`^Foundry Local \\(CLI 0\\.10 or newer\\) at http://127\\.0\\.0\\.1:${emulatorPorts.current}, found through the foundry command: \\d+ models, \\d+ loaded\\.$`));
  const chat = checkOf(page, 'chat');
  await expect(stateOf(chat)).toHaveText('Passed');
  await expect(reasonOf(chat)).toHaveText(/^qwen2\.5-0\.5b-instruct-generic-cpu:4 answered, first token after [\d.,]+ ms: “\*\*qwen2\.5-0\.5b\*\* answers: .+”$/);
  await expect(reasonOf(checkOf(page, 'embeddings'))).toHaveText(/^qwen3-embedding-0\.6b-generic-cpu:1 turns text into vectors of \d+ numbers\.$/);
  // Headless Chromium renders WebGPU on the CPU, and says so.
  await expect(reasonOf(checkOf(page, 'webgpu'))).toContainText('a software adapter that runs on the CPU');
  for (const id of ['wasm-simd', 'storage', 'browser']) await expect(stateOf(checkOf(page, id))).toHaveText('Passed');
  await expect(page.locator('.preflight-summary')).toHaveText(/^Ready for Session 4: \d of 7/);
});

test('this computer’s tools are really checked: each ends passed or failed, and a failed one shows its fix', async ({ page }) => {
  await openPreflight(page);
  for (const id of ['python', 'docker', 'node']) {
    const check = checkOf(page, id);
    await expect(stateOf(check)).toHaveText(/^(Passed|Failed)$/);
    await expect(reasonOf(check)).not.toBeEmpty();
    if ((await stateOf(check).innerText()) === 'Failed') await expect(check.locator('.preflight-commands code')).not.toBeEmpty();
  }
});

test('with the emulator stopped, the model checks fail and show the command that fixes them', async ({ page }) => {
  const emulator = startEmulator({ port: ownEmulatorPort, generation: 2, quirks: false, cors: false });
  await once(emulator, 'listening');
  const endpoint = `http://127.0.0.1:${ownEmulatorPort}`;
  try {
    await openPreflight(page, `/en/preflight/?endpoint=${encodeURIComponent(endpoint)}`);
    await expect(page.locator('.preflight-named')).toHaveText(`The model checks use ${endpoint}, the endpoint named in this page’s address.`);
    const server = checkOf(page, 'model-server');
    await expect(stateOf(server)).toHaveText('Passed');
    await expect(reasonOf(server)).toHaveText(`OpenAI-compatible server at ${endpoint}, named in this page’s address: 7 models.`);
    await expect(stateOf(checkOf(page, 'chat'))).toHaveText('Passed');
  } finally {
    emulator.closeAllConnections();
    await new Promise((resolve) => emulator.close(resolve));
  }

  const server = checkOf(page, 'model-server');
  await page.getByLabel('Show commands for').selectOption('posix');
  await server.getByRole('button', { name: 'Check again: A local model server' }).click();
  await expect(page.locator('pre-flight')).toHaveAttribute('data-complete', '');
  await expect(stateOf(server)).toHaveText('Failed');
  await expect(reasonOf(server)).toHaveText('Nothing answers at this address. Start Foundry Local with a model, then read its address:');
  await expect(server.locator('.preflight-commands-label')).toHaveText('Fix (macOS / Linux):');
  await expect(server.locator('.preflight-commands code')).toHaveText('foundry run phi-4-mini\nfoundry server status');
  const chat = checkOf(page, 'chat');
  await expect(stateOf(chat)).toHaveText('Not checked');
  await expect(reasonOf(chat)).toHaveText('Waits for a model server: see the check above.');
  await expect(page.locator('.preflight-summary')).toContainText('— fix: A local model server');
});

test('a Docker daemon that is down fails with the command that starts it, in the shell chosen, and passes when checked again', async ({ page }) => {
  let daemonRunning = false;
  await page.route('**/api/preflight', (route) =>
    route.fulfill({
      json: {
        system: 'windows',
        results: [
          { id: 'python-version', argv: ['py', '-3', '--version'], exitCode: 0, stdout: 'Python 3.12.8\r\n', stderr: '' },
          { id: 'pip-version', argv: ['py', '-3', '-m', 'pip', '--version'], exitCode: 0, stdout: 'pip 24.3.1 from C:\\Python312\\Lib\\site-packages\\pip (python 3.12)', stderr: '' },
          { id: 'docker-version', argv: ['docker', '--version'], exitCode: 0, stdout: 'Docker version 27.4.0, build bde2b89', stderr: '' },
          daemonRunning
            ? { id: 'docker-info', argv: ['docker', 'info', '--format', '{{.ServerVersion}}'], exitCode: 0, stdout: '27.4.0\n', stderr: '' }
            : { id: 'docker-info', argv: ['docker', 'info', '--format', '{{.ServerVersion}}'], exitCode: 1, stdout: '', stderr: 'error during connect: this error may indicate that the docker daemon is not running' },
          { id: 'node-version', argv: ['node', '--version'], exitCode: 0, stdout: 'v22.14.0', stderr: '' },
        ],
      },
    }),
  );
  await openPreflight(page);
  const docker = checkOf(page, 'docker');
  await expect(stateOf(docker)).toHaveText('Failed');
  await expect(reasonOf(docker)).toHaveText('Docker 27.4.0 is installed, but its daemon is not running. docker info said: error during connect: this error may indicate that the docker daemon is not running');
  await page.getByLabel('Show commands for').selectOption('powershell');
  await expect(docker.locator('.preflight-commands-label')).toHaveText('Fix (PowerShell):');
  await expect(docker.locator('.preflight-commands code')).toHaveText('Start-Process "$env:ProgramFiles\\Docker\\Docker\\Docker Desktop.exe"');
  await page.getByLabel('Show commands for').selectOption('cmd');
  await expect(docker.locator('.preflight-commands code')).toHaveText('start "" "%ProgramFiles%\\Docker\\Docker\\Docker Desktop.exe"');
  await expect(page.locator('.preflight-summary')).toContainText('— fix: Docker and its daemon');
  await expect(reasonOf(checkOf(page, 'python'))).toHaveText('Python 3.12.8 with pip 24.3.1 (py -3).');

  daemonRunning = true;
  await docker.getByRole('button', { name: 'Check again: Docker and its daemon' }).click();
  await expect(stateOf(docker)).toHaveText('Passed');
  await expect(reasonOf(docker)).toHaveText('Docker 27.4.0, with its daemon 27.4.0 running.');
  await expect(docker.locator('.preflight-commands')).toBeHidden();
  await expect(page.locator('.preflight-summary')).not.toContainText('Docker');
});

test('the copied summary is the line on the page, then every check with its state, reason and fix', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const preflight = await openPreflight(page);
  await page.getByLabel('Show commands for').selectOption('posix');
  await preflight.getByRole('button', { name: 'Copy summary' }).click();
  await expect(preflight.locator('.preflight-copy-status')).toHaveText('Summary copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')[0]).toBe(await preflight.locator('.preflight-summary').innerText());
  for (const check of await preflight.locator('.preflight-check').all()) {
    const line = `${await stateOf(check).innerText()} — ${await check.locator('h3').innerText()}: ${await reasonOf(check).innerText()}`;
    expect(copied).toContain(line);
    if (await check.locator('.preflight-commands').isVisible()) expect(copied).toContain(`    ${(await check.locator('.preflight-commands code').innerText()).split('\n')[0]}`);
  }
});

test.describe('a course hosted without its bridge (static pages)', () => {
  test.beforeEach(async ({ page }) => {
    // What a static host answers for the bridge's routes.
    await page.route('**/api/**', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }));
  });

  test('the checks that need this computer are not checked, and show the commands to run by hand for the reader’s system', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'platform', { get: () => 'Linux x86_64' });
      Object.defineProperty(navigator, 'userAgentData', { get: () => ({ platform: 'Linux' }) });
    });
    await openPreflight(page);
    await expect(page.getByLabel('Show commands for')).toHaveValue('posix');
    const python = checkOf(page, 'python');
    await expect(stateOf(python)).toHaveText('Not checked');
    await expect(reasonOf(python)).toHaveText('Only the course running on your computer (npm start) can run this check. Run it yourself.');
    await expect(python.locator('.preflight-commands-label')).toHaveText('Run it yourself (macOS / Linux):');
    await expect(python.locator('.preflight-commands code')).toHaveText('python3 --version\npython3 -m pip --version');
    await expect(checkOf(page, 'docker').locator('.preflight-commands code')).toHaveText("docker --version\ndocker info --format '{{.ServerVersion}}'");
    await expect(checkOf(page, 'model-server').locator('.preflight-commands code')).toHaveText('foundry server status');
    await expect(page.locator('.preflight-summary')).toHaveText(/— not checked: A local model server, A model that answers, Python 3\.10\+ with pip, Docker and its daemon, and Node\.js 22\.18\+\.$/);
  });
});

test('the Arabic pre-flight page reads right to left, with commands left to right', async ({ page }) => {
  await openPreflight(page, '/ar/preflight/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الفحص التمهيدي للجلسة 4');
  await expect(stateOf(checkOf(page, 'model-server'))).toHaveText('نجح');
  await expect(page.locator('.preflight-summary')).toHaveText(/^الجاهزية للجلسة 4: \d من 7/);
  expect(await checkOf(page, 'model-server').evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  for (const block of await page.locator('.preflight-commands:visible pre').all()) await expect(block).toHaveAttribute('dir', 'ltr');
});

test('the lesson’s “Before you start” and the course home link to the pre-flight check', async ({ page }) => {
  await page.goto('/bg/module-08/04-cutting-edge-models/');
  await page.getByRole('link', { name: 'предварителната проверка' }).click();
  await expect(page).toHaveURL(/\/bg\/preflight\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Предварителна проверка за сесия 4');
  await page.goto('/en/');
  await page.getByRole('link', { name: /Run the pre-flight check first/ }).click();
  await expect(page).toHaveURL(/\/en\/preflight\/$/);
});

test('the bridge runs its fixed commands for the course’s own pages only, and answers what they printed', async ({ request }) => {
  expect((await request.get('/api/preflight', { headers: { Origin: 'https://attacker.example' } })).status()).toBe(403);
  const response = await request.get('/api/preflight?command=rm');
  expect(response.headers()['cache-control']).toBe('no-store');
  const report = await response.json();
  // The server runs on this machine: its system, and the commands fixed for it, whatever the request asked.
  const system = systemOfNodePlatform(process.platform);
  expect(report.system).toBe(system);
  expect(report.results.map((result: { argv: string[] }) => result.argv)).toEqual(machineCommands(system).map(({ argv }) => argv));
});
