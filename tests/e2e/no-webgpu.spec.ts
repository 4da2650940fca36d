// Runs in the "chromium-without-webgpu" project (playwright.config.ts): Chromium without --enable-unsafe-webgpu.
import { expect, test } from '@playwright/test';

test('the status says why WebGPU is unavailable and the pad runs on WebAssembly', async ({ page }) => {
  await page.goto('/en/module-08/04-cutting-edge-models/');
  await page.locator('webgpu-status').scrollIntoViewIfNeeded();
  await expect(page.locator('webgpu-status')).toContainText('WebGPU is unavailable');
  await expect(page.locator('webgpu-status')).toContainText('The demos run on WebAssembly instead');
  const pad = page.locator('digit-pad');
  await pad.scrollIntoViewIfNeeded();
  await pad.getByRole('button', { name: 'Start the demo' }).click();
  await expect(pad).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(pad.getByRole('radio', { name: 'WebGPU' })).toBeDisabled();
  await pad.getByLabel('Or try a digit the model never saw').selectOption({ label: 'Sample 22: a 7' });
  await expect(pad.locator('.guess-label').first()).toHaveText('7', { timeout: 30_000 });
  await expect(pad.locator('.digit-ran-on')).toContainText('Ran on WebAssembly (CPU)');
});
