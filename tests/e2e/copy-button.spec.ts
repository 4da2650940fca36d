import { expect, test } from '@playwright/test';

test('the copy button copies a code block and says so in the reader’s language', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/bg/module-08/04-cutting-edge-models/');
  const block = page.locator('.code-block').first();
  await block.getByRole('button', { name: 'Копирай' }).click();
  await expect(block.getByRole('button')).toHaveText('Копирано');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('foundry service status');
  expect(copied).toBe((await block.locator('pre').innerText()).replace(/\n$/, ''));
});
