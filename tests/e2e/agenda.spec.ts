import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { accessibilityProblems } from './axe';

const sessionFour = 'module-08/04-cutting-edge-models';
const outdatedFixture = 'module-99/01-outdated-fixture';
const incompleteFixture = 'module-99/02-incomplete-fixture';

/** The minutes the English Session 4 lesson plans for its parts, read from its frontmatter. */
function plannedMinutes(): number[] {
  const source = readFileSync(`src/content/sessions/en/${sessionFour}.mdx`, 'utf8');
  const frontmatter = parse(/^---\n([\s\S]*?)\n---/.exec(source)![1]!) as { parts: { minutes: number }[] };
  return frontmatter.parts.map(({ minutes }) => minutes);
}

const englishClock = (minutes: number) => new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 1, 0, minutes));
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const at = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Each row of a day's timetable as "kind start–end", read from the <time datetime> values. */
async function timetable(day: Locator): Promise<string[]> {
  return day.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const [start, end] = [...row.querySelectorAll('time')].map((time) => time.dateTime);
      return `${row.className.replace('agenda-row-', '')} ${start}–${end}`;
    }),
  );
}

async function openAgenda(page: Page, locale = 'en') {
  await page.goto(`/${locale}/agenda/`);
  const planner = page.locator('agenda-planner');
  await expect(planner.locator('.agenda-add-day')).toBeEnabled();
  return planner;
}

const dayOf = (planner: Locator, day: number) => planner.locator('.agenda-day').nth(day - 1);
const settingsOf = (planner: Locator, day: number) => planner.getByRole('group', { name: `Day ${day}`, exact: true });
const sessionChoice = (planner: Locator, slug: string) => planner.locator(`.agenda-session-day[data-slug="${slug}"] select`);

test('an instructor plans two days, 09:00 and 13:30, and every clock time is the sum of the minutes before it', async ({ page }) => {
  const planner = await openAgenda(page);
  await settingsOf(planner, 1).getByLabel('Starts at').fill('09:00');
  await settingsOf(planner, 1).getByLabel('Break between sessions (minutes)').fill('15');
  await planner.getByRole('button', { name: 'Add a day' }).click();
  await expect(settingsOf(planner, 2).getByLabel('Starts at')).toBeFocused();
  await settingsOf(planner, 2).getByLabel('Starts at').fill('13:30');
  await sessionChoice(planner, incompleteFixture).selectOption({ label: 'Day 2' });

  // Day 1: Session 4 part after part, a 15-minute break, then the 5-minute fixture lesson (it plans no parts).
  let time = at('09:00');
  const parts = plannedMinutes().map((minutes) => `part ${clock(time)}–${clock((time += minutes))}`);
  const sessionEnd = time;
  const expectedDay1 = [`session 09:00–${clock(sessionEnd)}`, ...parts, `break ${clock(sessionEnd)}–${clock(sessionEnd + 15)}`, `session ${clock(sessionEnd + 15)}–${clock(sessionEnd + 20)}`];
  await expect.poll(() => timetable(dayOf(planner, 1))).toEqual(expectedDay1);
  await expect.poll(() => timetable(dayOf(planner, 2))).toEqual(['session 13:30–13:35']);
  await expect(dayOf(planner, 1).locator('tbody tr').first().locator('time').first()).toHaveText('9:00 AM');
  await expect(dayOf(planner, 2).locator('tbody tr').first().locator('time').first()).toHaveText('1:30 PM');
  await expect(dayOf(planner, 1).locator('.agenda-span')).toHaveText(`9:00 AM to ${englishClock(sessionEnd + 20)} · sessions: ${sessionEnd - at('09:00') + 5} min`);
  await expect(dayOf(planner, 2).getByRole('link', { name: 'Fixture: a lesson translated in part' })).toHaveAttribute('href', `/en/${incompleteFixture}/`);
  await expect(dayOf(planner, 1).getByRole('link', { name: 'Overview' })).toHaveAttribute('href', `/en/${sessionFour}/#overview`);

  await page.reload();
  await expect(planner.locator('.agenda-add-day')).toBeEnabled();
  await expect(settingsOf(planner, 2).getByLabel('Starts at')).toHaveValue('13:30');
  await expect(sessionChoice(planner, incompleteFixture)).toHaveValue('2');
  expect(await timetable(dayOf(planner, 1))).toEqual(expectedDay1);
  expect(await timetable(dayOf(planner, 2))).toEqual(['session 13:30–13:35']);
});

test('lunch comes at the first pause between parts from its time, and a day past its end says by how much', async ({ page }) => {
  const planner = await openAgenda(page);
  const day1 = settingsOf(planner, 1);
  await day1.getByLabel('Lunch from (optional)').fill('09:04');
  await day1.getByLabel('Lunch (minutes)').fill('30');
  // Lunch waits for the part that runs at 09:04 to end, and the parts after it move on by 30 minutes.
  let time = at('09:00');
  const partEnds = plannedMinutes().map((minutes) => (time += minutes));
  const lunchStart = partEnds.find((end) => end >= at('09:04'))!;
  const lunch = `lunch ${clock(lunchStart)}–${clock(lunchStart + 30)}`;
  await expect.poll(() => timetable(dayOf(planner, 1))).toContain(lunch);
  const day = await timetable(dayOf(planner, 1));
  expect(day[0]).toBe('session 09:00–10:00');
  expect(day[day.indexOf(lunch) + 1]).toMatch(new RegExp(`^part ${clock(lunchStart + 30)}–`));
  await day1.getByLabel('Ends by (optional)').fill('10:00');
  // Session 4 and lunch until 10:00, a 15-minute break, a 5-minute fixture lesson, a break and the other: 10:40.
  await expect(dayOf(planner, 1).locator('.agenda-note')).toHaveText('This day runs 40 min past its end at 10:00 AM: move a session to another day, shorten a break or start earlier.');
  await expect(dayOf(planner, 1).locator('tr[data-late="true"]').first()).toContainText('past the day’s end');
  await sessionChoice(planner, outdatedFixture).selectOption({ label: 'Not scheduled' });
  await sessionChoice(planner, incompleteFixture).selectOption({ label: 'Not scheduled' });
  await expect(dayOf(planner, 1).locator('.agenda-note')).toHaveCount(0);
  await expect(planner.locator('.agenda-unscheduled')).toHaveText('Not scheduled: Fixture: a lesson whose translations are outdated and Fixture: a lesson translated in part.');
});

test('removing a day moves its sessions to the day before', async ({ page }) => {
  const planner = await openAgenda(page);
  await planner.getByRole('button', { name: 'Add a day' }).click();
  await sessionChoice(planner, incompleteFixture).selectOption({ label: 'Day 2' });
  await expect(planner.locator('.agenda-day')).toHaveCount(2);
  await settingsOf(planner, 2).getByRole('button', { name: 'Remove this day' }).click();
  await expect(planner.locator('.agenda-day')).toHaveCount(1);
  await expect(sessionChoice(planner, incompleteFixture)).toHaveValue('1');
  await expect(settingsOf(planner, 1).getByRole('button', { name: 'Remove this day' })).toBeDisabled();
});

test('in Arabic the agenda reads right to left, with the Arabic part names and the reader’s clock', async ({ page }) => {
  const planner = await openAgenda(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await planner.locator('.agenda-table').first().evaluate((table) => getComputedStyle(table).direction)).toBe('rtl');
  const firstPart = dayOf(planner, 1).locator('tr.agenda-row-part').first();
  await expect(firstPart.getByRole('link')).toHaveText('نظرة عامة');
  const nine = await page.evaluate(() => new Intl.DateTimeFormat('ar', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(1970, 0, 1, 9)));
  await expect(firstPart.locator('time').first()).toHaveText(nine);
  await planner.locator('input[name="start"]').fill('13:30');
  await expect(firstPart.locator('time').first()).toHaveAttribute('datetime', '13:30');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a used agenda, with lunch, an over-run and a second day, has no WCAG 2.2 AA violations (Arabic, ${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const planner = await openAgenda(page, 'ar');
    await planner.locator('input[name="lunchAt"]').fill('09:05');
    await planner.locator('input[name="end"]').fill('09:30');
    await planner.locator('.agenda-add-day').click();
    await expect(planner.locator('tr[data-late="true"]').first()).toBeVisible();
    await expect(planner.locator('tr.agenda-row-lunch')).toHaveCount(1);
    expect(await accessibilityProblems(page, colorScheme, ['agenda-planner'])).toEqual([]);
  });
}

test('printed, the agenda is its timetables on one page, without the form', async ({ page }) => {
  await page.addInitScript(() => {
    const day = { end: '17:00', breakMinutes: 15, lunchAt: '', lunchMinutes: 60 };
    const sessionDays = { 'module-08/04-cutting-edge-models': 1, 'module-99/01-outdated-fixture': 1, 'module-99/02-incomplete-fixture': 2 };
    const days = [{ ...day, start: '09:00', lunchAt: '09:05', lunchMinutes: 30 }, { ...day, start: '13:30' }];
    localStorage.setItem('edge-course:agenda', JSON.stringify({ version: 1, days, sessionDays }));
  });
  const planner = await openAgenda(page);
  await expect(planner.locator('.agenda-day')).toHaveCount(2);
  await expect(planner.locator('tr.agenda-row-lunch')).toHaveCount(1);
  await page.emulateMedia({ media: 'print' });
  await expect(planner.locator('.agenda-form')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(planner.locator('.agenda-table')).toHaveCount(2);
  for (const table of await planner.locator('.agenda-table').all()) await expect(table).toBeVisible();
  // Every page of a PDF is an object of /Type /Page (the page tree is /Pages).
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
});

test('a stored plan that cannot be read gives the default plan, and says so', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('edge-course:agenda', '{"version":1,"days":[{"start":"25:99"'));
  const planner = await openAgenda(page);
  await expect(planner.locator('.agenda-status')).toHaveText('Your saved plan could not be read, so the default plan is shown. Your changes are saved again from now on.');
  await expect(settingsOf(planner, 1).getByLabel('Starts at')).toHaveValue('09:00');
  await expect(dayOf(planner, 1).locator('tbody tr').first().locator('time').first()).toHaveAttribute('datetime', '09:00');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the agenda shows the default plan: one day from 09:00 with every session', async ({ page }) => {
    await page.goto('/en/agenda/');
    const planner = page.locator('agenda-planner');
    await expect(planner.locator('.agenda-no-script')).toBeVisible();
    await expect(planner.locator('input[name="start"]')).toBeDisabled();
    await expect(planner.locator('.agenda-day')).toHaveCount(1);
    await expect(planner.locator('tbody tr').first().locator('time').first()).toHaveText('9:00 AM');
    await expect(planner.locator('tr.agenda-row-session')).toHaveCount(3);
  });
});

test('the course home links to the agenda', async ({ page }) => {
  await page.goto('/bg/');
  await page.getByRole('link', { name: /Планирайте програмата/ }).click();
  await expect(page).toHaveURL('/bg/agenda/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Програма на обучението');
});
