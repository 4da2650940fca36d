import { expect, test } from '@playwright/test';

const lessonPath = 'module-08/04-cutting-edge-models/';

test('a visitor on Windows sees PowerShell first, one elsewhere sees the macOS / Linux shell', async ({ browser }) => {
  for (const [platform, expected] of [['Win32', 'PowerShell'], ['Linux x86_64', 'macOS / Linux']] as const) {
    const context = await browser.newContext();
    await context.addInitScript((value) => {
      Object.defineProperty(navigator, 'platform', { get: () => value });
      Object.defineProperty(navigator, 'userAgentData', { get: () => ({ platform: value }) });
    }, platform);
    const page = await context.newPage();
    await page.goto(`/en/${lessonPath}`);
    await expect(page.getByRole('tab', { selected: true }).first()).toHaveText(expected);
    await context.close();
  }
});

test('the chosen shell persists across reload and a language switch, in every tab group', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  const firstGroup = page.locator('os-tabs').first();
  await firstGroup.getByRole('tab', { name: 'Command Prompt' }).click();
  await expect(firstGroup.getByRole('tabpanel')).toContainText('set FOUNDRY_PORT=5273');
  await expect(page.locator('os-tabs').nth(3).getByRole('tab', { selected: true })).toHaveText('Command Prompt');

  await page.reload();
  await expect(page.locator('os-tabs').first().getByRole('tab', { selected: true })).toHaveText('Command Prompt');

  await page.goto(`/ar/${lessonPath}`);
  const arabicGroup = page.locator('os-tabs').first();
  await expect(arabicGroup.getByRole('tab', { selected: true })).toHaveText('موجه الأوامر (cmd)');
  await expect(arabicGroup.getByRole('tabpanel')).toContainText('set FOUNDRY_PORT=5273');
});

test('a tab chosen, or an arrow key pressed, before the tabs’ code has arrived is not lost', async ({ page }) => {
  let releaseCode = () => {};
  const codeHeld = new Promise<void>((resolve) => (releaseCode = resolve));
  await page.route(/\/_astro\/osTabs\.[\w-]+\.js$/, async (route) => {
    await codeHeld;
    await route.continue();
  });
  await page.goto(`/en/${lessonPath}`);
  const group = page.locator('os-tabs').first();
  await group.getByRole('tab', { name: 'Command Prompt' }).click();
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => customElements.get('os-tabs'))).toBeUndefined();
  releaseCode();
  await expect(group.getByRole('tab', { name: 'macOS / Linux' })).toHaveAttribute('aria-selected', 'true');
  await expect(group.getByRole('tabpanel')).toContainText('export FOUNDRY_PORT=5273');
});

test('arrow keys, Home and End move between tabs, mirrored in right-to-left', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  const group = page.locator('os-tabs').first();
  await group.getByRole('tab', { name: 'PowerShell' }).click();
  await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('tab', { name: 'Command Prompt' })).toBeFocused();
  await expect(group.getByRole('tab', { name: 'Command Prompt' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(group.getByRole('tab', { name: 'macOS / Linux' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(group.getByRole('tab', { name: 'PowerShell' })).toHaveAttribute('aria-selected', 'true');

  await page.goto(`/ar/${lessonPath}`);
  const arabicGroup = page.locator('os-tabs').first();
  await arabicGroup.getByRole('tab', { name: 'PowerShell' }).click();
  await page.keyboard.press('ArrowLeft');
  await expect(arabicGroup.getByRole('tab', { name: 'موجه الأوامر (cmd)' })).toHaveAttribute('aria-selected', 'true');
});

test('a shell chosen in another open tab shows here too', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await first.goto(`/en/${lessonPath}`);
  await second.goto(`/bg/${lessonPath}`);
  await first.locator('os-tabs').first().getByRole('tab', { name: 'Command Prompt' }).click();
  await expect(second.locator('os-tabs').first().getByRole('tab', { selected: true })).toHaveText('Команден ред (cmd)');
});

test('printing shows every shell’s commands, each with its label', async ({ page }) => {
  await page.goto(`/en/${lessonPath}`);
  await page.emulateMedia({ media: 'print' });
  const panels = page.locator('os-tabs').first().locator('.tab-panel');
  await expect(panels).toHaveCount(3);
  for (const [index, label] of ['PowerShell', 'Command Prompt', 'macOS / Linux'].entries()) {
    await expect(panels.nth(index)).toBeVisible();
    const printedLabel = await panels.nth(index).evaluate((panel) => getComputedStyle(panel, '::before').content);
    expect(printedLabel).toBe(`"${label}"`);
  }
  await expect(page.getByRole('navigation', { name: 'Course contents' })).toBeHidden();
});
