/**
 * A class, as the people in it see it: the instructor's dashboard on their own machine, three attendees
 * (two who opened the course from the instructor's machine, one from their own copy on localhost), and
 * the classroom service run as `npm run classroom` runs it, stopped and started again mid-class.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { accessibilityProblems } from './axe';

const lesson = '/en/module-08/04-cutting-edge-models/';
const classroomPort = 4400;
const dataDir = mkdtempSync(join(tmpdir(), 'classroom-e2e-'));

/** This machine's own address on its network: what attendees' browsers would use. */
function lanAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
  if (!address) throw new Error('These tests need a network interface besides loopback, to reach the classroom as an attendee on the LAN would.');
  return address.address;
}

const lan = `http://${lanAddress()}:${classroomPort}`;
const instructorHome = `http://localhost:${classroomPort}`;

let service: ChildProcess;
let code = '';

/** Starts the classroom as `npm run classroom` does (on the test build, without a second course server) and reads its join code. */
async function startClassroom(): Promise<string> {
  service = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/classroom.ts', '--dist', 'dist-test', '--no-course', '--port', String(classroomPort), '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve, reject) => {
    service.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Join code:\s+(\w{6})/.exec(output);
      if (match && output.includes('Join card:')) resolve(match[1]!);
    });
    service.once('exit', (status) => reject(new Error(`the classroom stopped (${status}): ${output}`)));
  });
}

async function stopClassroom() {
  const exited = new Promise((resolve) => service.once('exit', resolve));
  service.kill('SIGTERM');
  await exited;
}

/** WCAG 2.2 AA problems in a part of a page, in both themes. */
async function problemsInBothThemes(page: Page, selector: string): Promise<string[]> {
  const problems: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    problems.push(...(await accessibilityProblems(page, colorScheme, [selector])).map((problem) => `${colorScheme} ${problem}`));
  }
  await page.emulateMedia({ colorScheme: null });
  return problems;
}

/** A fresh browser profile, as each attendee's own laptop. */
async function laptop(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

async function joinAs(page: Page, name: string | null, shares: RegExp[]) {
  if (name === null) await page.getByRole('radio', { name: 'Anonymously' }).check();
  else await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  for (const share of shares) await page.getByRole('checkbox', { name: share }).check();
  await page.getByRole('button', { name: 'Join the class' }).click();
  await expect(page.getByRole('heading', { name: 'You are in the class' })).toBeVisible();
}

test('a reader who never joined a class loads none of its code, and sees no class buttons', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(lesson);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('part-signals').first()).toBeHidden();
  expect(requests.filter((url) => /partSignals|classroomConnection|classroomMembership/.test(url))).toEqual([]);
});

test.describe.configure({ mode: 'serial' });

test.describe('a class on the instructor’s machine', () => {
  let dashboard: Page;
  let ana: Page;
  let ben: Page;
  let chen: Page;
  const contexts: BrowserContext[] = [];

  test.beforeAll(async ({ browser }) => {
    code = await startClassroom();
    const people = await Promise.all([1, 2, 3, 4].map(() => laptop(browser)));
    contexts.push(...people.map((person) => person.context));
    [dashboard, ana, ben, chen] = people.map((person) => person.page) as [Page, Page, Page, Page];
  });

  test.afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await stopClassroom();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the dashboard opens on the instructor’s computer with the join code, and is refused from the LAN', async ({ request }) => {
    await dashboard.goto(`${instructorHome}/en/classroom/`);
    await expect(dashboard.locator('.dashboard-status')).toHaveText('Live: changes appear as attendees make them.');
    await expect(dashboard.locator('.dashboard-code')).toHaveText(code);
    await expect(dashboard.locator('.dashboard-room')).toHaveText('0 in the class');
    await expect(dashboard.getByRole('img', { name: `QR code of ${lan}/en/classroom/join/#code=${code}` })).toBeVisible();

    expect((await request.get(`${lan}/classroom/v1/instructor/state`)).status()).toBe(403);
    expect((await request.post(`${lan}/classroom/v1/instructor/end`, { data: {} })).status()).toBe(403);
    for (const bridge of ['/api/endpoints', '/%61pi/preflight', '/en/%2e%2e/api/endpoints', '/api/bridge/v1/models']) expect((await request.get(`${lan}${bridge}`)).status(), bridge).toBe(404);
    const stranger = await contexts[3]!.newPage();
    await stranger.goto(`${lan}/en/classroom/`);
    await expect(stranger.locator('.dashboard-message')).toContainText('The dashboard answers the instructor’s computer only');
    await expect(stranger.locator('.dashboard-code')).toBeHidden();
    await stranger.close();
  });

  test('attendees join from the instructor’s machine and from their own copy; a wrong code is refused; names stay text', async () => {
    await ana.goto(`${lan}/en/classroom/join/#code=${code}`);
    await expect(ana.getByRole('textbox', { name: 'Join code' })).toHaveValue(code);
    await expect(ana.getByRole('textbox', { name: 'The instructor’s classroom address' })).toBeHidden();
    await expect(ana.getByText('You opened the course from the instructor’s computer over plain http')).toBeVisible();
    await ana.getByRole('textbox', { name: 'Your name' }).fill('Ana <img src=x onerror=alert(1)>');
    await ana.getByRole('checkbox', { name: 'My checklist ticks' }).check();
    await ana.getByText('Exactly what the instructor will receive now').click();
    await expect(ana.locator('.join-preview-json')).toContainText('"name": "Ana <img src=x onerror=alert(1)>"');
    await expect(ana.locator('.join-preview-json')).toContainText('"tasks": []');
    await expect(ana.locator('.join-preview-json')).not.toContainText('quizzes');
    await joinAs(ana, 'Ana <img src=x onerror=alert(1)>', [/My answers to the knowledge checks/, /“Done” and “I’m stuck”/]);
    await expect(ana.getByText(`Joined as Ana <img src=x onerror=alert(1)> at ${lan}.`)).toBeVisible();
    await expect(dashboard.locator('.dashboard-room')).toHaveText('1 in the class', { timeout: 1000 });
    await expect(dashboard.locator('.attendee-name')).toHaveText(['Ana <img src=x onerror=alert(1)>']);
    await expect(dashboard.locator('.dashboard-attendees img')).toHaveCount(0);

    // Ben runs the course on his own laptop (npm start) and types the instructor's address.
    await ben.goto('/en/classroom/join/');
    const address = ben.getByRole('textbox', { name: 'The instructor’s classroom address' });
    await expect(address).toBeVisible();
    await expect(ben.getByText('You opened the course from the instructor’s computer over plain http')).toBeHidden();
    await address.fill(lan);
    await ben.getByRole('textbox', { name: 'Join code' }).fill(code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
    await ben.getByRole('radio', { name: 'Anonymously' }).check();
    await ben.getByRole('button', { name: 'Join the class' }).click();
    await expect(ben.getByRole('alert')).toHaveText('That join code is not this class’s. Check it on the instructor’s screen; letters are not case-sensitive.');
    await ben.getByRole('textbox', { name: 'Join code' }).fill(code.toLowerCase());
    await joinAs(ben, null, [/My checklist ticks/]);
    await expect(ben.getByText(`Joined anonymously at ${lan}.`)).toBeVisible();
    await expect(ben.getByText('You share: checklist ticks.')).toBeVisible();

    await chen.goto(`${lan}/en/classroom/join/#code=${code}`);
    await joinAs(chen, 'Chen', [/My answers to the knowledge checks/]);
    await expect(dashboard.locator('.dashboard-room')).toHaveText('3 in the class', { timeout: 1000 });
    await expect(dashboard.locator('.attendee-name')).toHaveText(['Ana <img src=x onerror=alert(1)>', 'Anonymous 2', 'Chen']);
    expect(await problemsInBothThemes(chen, 'classroom-join')).toEqual([]);
  });

  test('a tick and a request for help reach the dashboard within a second; resolving it tells the attendee', async () => {
    const loaded: string[] = [];
    ana.on('request', (request) => loaded.push(request.url()));
    await ana.goto(`${lan}${lesson}`);
    await expect(ana.locator('part-signals').first()).toBeVisible();
    // The buttons' code comes on its own, for attendees only (the first test checks a reader never gets it).
    expect(loaded.filter((url) => /partSignals/.test(url))).toHaveLength(1);
    const taskRow = dashboard.locator('tr', { hasText: 'Compare the answers and latency of an SLM and an LLM locally' });
    await ana.locator('course-checklist').getByRole('checkbox', { name: 'Compare the answers and latency of an SLM and an LLM locally' }).check();
    await expect(taskRow.locator('.count-done')).toHaveText('1', { timeout: 1000 });
    await expect(taskRow.locator('.count-not-yet')).toHaveText('1');

    const signals = ana.locator('part-signals').nth(1);
    await signals.scrollIntoViewIfNeeded();
    await signals.getByRole('button', { name: 'I’m stuck' }).click();
    await signals.getByRole('textbox', { name: 'What is in the way? (optional, one line)' }).fill('<b>which port?</b>');
    await signals.getByRole('button', { name: 'Ask for help' }).click();
    const queue = dashboard.locator('.dashboard-help li');
    await expect(queue).toHaveCount(1, { timeout: 1000 });
    await expect(queue.locator('.help-who')).toContainText('Ana <img src=x onerror=alert(1)>');
    await expect(queue.locator('.help-note')).toHaveText('<b>which port?</b>');
    await expect(queue.locator('b, img')).toHaveCount(0);
    await expect(dashboard.locator('tr[data-part="module-08/04-cutting-edge-models#part-2"] .count-stuck')).toHaveText('1');
    await expect(signals.getByRole('button', { name: 'I’m not stuck any more' })).toHaveAttribute('aria-pressed', 'true');
    expect(await problemsInBothThemes(dashboard, 'class-dashboard')).toEqual([]);
    expect(await problemsInBothThemes(ana, 'part-signals')).toEqual([]);

    await queue.getByRole('button', { name: 'Pin' }).click();
    await expect(queue).toContainText('Pinned');
    await queue.getByRole('button', { name: 'Resolve' }).click();
    await expect(dashboard.getByText('Nobody is waiting for help.')).toBeVisible();
    await expect(signals.getByRole('status')).toHaveText('The instructor marked your request resolved.', { timeout: 10_000 });
    await expect(signals.getByRole('button', { name: 'I’m stuck' })).toHaveAttribute('aria-pressed', 'false');
    await expect(dashboard.locator('tr[data-part="module-08/04-cutting-edge-models#part-2"] .count-stuck')).toHaveText('0', { timeout: 2000 });
  });

  test('quiz answers show as a distribution', async () => {
    for (const [page, option] of [
      [ana, /The service started on another free port/],
      [chen, /The firewall started blocking loopback traffic/],
    ] as const) {
      await page.goto(`${lan}${lesson}`);
      const quiz = page.locator('course-quiz').filter({ has: page.getByRole('group', { name: /connection refused/ }) });
      await quiz.getByRole('radio', { name: option }).check();
      await quiz.getByRole('button', { name: 'Check' }).click();
    }
    const quiz = dashboard.locator('[data-quiz$="#port-moves"]');
    await expect(quiz.locator('.dashboard-answered')).toHaveText('(2 answered)', { timeout: 2000 });
    await expect(quiz.locator('[data-option="new-port"] .option-count')).toHaveText('chosen by 1');
    await expect(quiz.locator('[data-option="firewall"] .option-count')).toHaveText('chosen by 1');
    await expect(quiz.locator('[data-option="alias-sent"] .option-count')).toHaveText('chosen by 0');
    await expect(quiz.locator('[data-option="new-port"]')).toContainText('(right answer)');
  });

  test('an attendee who leaves is gone from the instructor’s machine', async ({ request }) => {
    await ben.goto('/en/module-08/04-cutting-edge-models/');
    await ben.locator('course-checklist').getByRole('checkbox', { name: 'Run the Chainlit demo with at least two models' }).check();
    const chainlitRow = dashboard.locator('tr', { hasText: 'Run the Chainlit demo with at least two models' });
    await expect(chainlitRow.locator('.count-done')).toHaveText('1', { timeout: 1000 });
    const token = await ben.evaluate(() => (JSON.parse(localStorage.getItem('edge-course:classroom')!) as { token: string }).token);

    await ben.goto('/en/classroom/join/');
    await ben.getByRole('button', { name: 'Leave the class' }).click();
    await expect(ben.getByText('You left the class. What you shared was deleted from the instructor’s computer.')).toBeVisible();
    await expect(dashboard.locator('.dashboard-room')).toHaveText('2 in the class', { timeout: 1000 });
    await expect(dashboard.locator('.attendee-name')).toHaveText(['Ana <img src=x onerror=alert(1)>', 'Chen']);
    await expect(chainlitRow.locator('.count-done')).toHaveText('0');
    expect((await request.get(`${lan}/classroom/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
    await ben.goto('/en/module-08/04-cutting-edge-models/');
    await expect(ben.locator('course-checklist').getByRole('checkbox', { name: 'Run the Chainlit demo with at least two models' })).toBeChecked();
  });

  test('the instructor’s server restarts mid-class: nothing is lost, and pages reconnect', async () => {
    await stopClassroom();
    await expect(dashboard.locator('.dashboard-status')).toHaveText('The classroom service is not answering; reconnecting. Nothing is lost.');
    const signals = ana.locator('part-signals').first();
    expect(await startClassroom()).toBe(code);
    await ana.goto(`${lan}${lesson}`);
    await expect(dashboard.locator('.dashboard-status')).toHaveText('Live: changes appear as attendees make them.', { timeout: 10_000 });
    await expect(dashboard.locator('.dashboard-room')).toHaveText('2 in the class');
    await expect(dashboard.locator('tr', { hasText: 'Compare the answers and latency of an SLM and an LLM locally' }).locator('.count-done')).toHaveText('1');
    await signals.getByRole('button', { name: 'Done' }).click();
    await expect(dashboard.locator('tr[data-part="module-08/04-cutting-edge-models#part-1"] .count-done')).toHaveText('1', { timeout: 1000 });
  });

  test('ending the class saves its summary and deletes it', async () => {
    dashboard.once('dialog', (dialog) => void dialog.accept());
    const downloads: { name: string; text: string }[] = [];
    dashboard.on('download', async (download) => downloads.push({ name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') }));
    await dashboard.getByRole('button', { name: 'End class' }).click();
    await expect(dashboard.locator('.dashboard-message')).toContainText(`The class has ended. Its summary was saved as class-${code}-`);
    await expect.poll(() => downloads.length).toBe(2);
    const csv = downloads.find((file) => file.name.endsWith('.csv'))!;
    const json = JSON.parse(downloads.find((file) => file.name.endsWith('.json'))!.text) as { format: string; summary: { attendees: number; quizzes: Record<string, { answered: number }> }; attendees: { name: string | null }[] };
    expect(csv.name).toMatch(new RegExp(`^class-${code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(csv.text.split('\r\n')[0]).toBe('attendee,kind,item,value');
    expect(csv.text).toContain('Ana <img src=x onerror=alert(1)>,task,module-08/04-cutting-edge-models#compare-slm-llm,done');
    expect(csv.text).toContain('Chen,quiz,module-08/04-cutting-edge-models#port-moves,firewall');
    expect(csv.text).toContain('Ana <img src=x onerror=alert(1)>,part,module-08/04-cutting-edge-models#part-1,done');
    expect(json.format).toBe('edge-ai-workshop-class');
    expect(json.summary.attendees).toBe(2);
    expect(json.summary.quizzes['module-08/04-cutting-edge-models#port-moves']!.answered).toBe(2);
    expect(json.attendees.map((attendee) => attendee.name)).toEqual(['Ana <img src=x onerror=alert(1)>', 'Chen']);

    await expect(dashboard.getByRole('button', { name: 'Start a class' })).toBeVisible();
    const response = await dashboard.request.get(`${instructorHome}/classroom/v1/instructor/state`);
    expect(await response.json()).toEqual({ open: false });
    // Ana's page hears the class is over at her next change, and keeps her own progress.
    await ana.locator('course-checklist').getByRole('checkbox', { name: 'Ask the course a question and follow a citation to the section it comes from' }).check();
    await expect(ana.locator('part-signals').first().getByRole('status')).toHaveText('The class has ended. Your own progress is still in this browser.', { timeout: 2000 });
    await ana.reload();
    await expect(ana.locator('course-checklist').getByRole('checkbox', { name: 'Compare the answers and latency of an SLM and an LLM locally' })).toBeChecked();
    await expect(ana.locator('part-signals').first()).toBeHidden();
  });
});
